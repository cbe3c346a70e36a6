import { byId, type SubgraphContext } from '@hub/kit';
import { Conclusion } from '../entities/conclusion.entity.js';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { Topic } from '../entities/topic.entity.js';

/** How other subgraphs' references to knowledge's entities resolve; archived ones still do. */
export const knowledgeReferences = {
  Conclusion: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ctx, Conclusion).load(ref.id) },
  Strategy: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ctx, Strategy).load(ref.id) },
  SourceDocument: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ctx, SourceDocument).load(ref.id) },
  Topic: { __resolveReference: (ref: { code: string }, ctx: SubgraphContext) => byId(ctx, Topic).load(ref.code) },
};

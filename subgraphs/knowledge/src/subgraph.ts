import { entityReference, PartialDate, type SubgraphDefinition } from '@hub/kit';
import { Conclusion } from './entities/conclusion.entity.js';
import { SourceDocument } from './entities/source-document.entity.js';
import { Strategy } from './entities/strategy.entity.js';
import { Topic } from './entities/topic.entity.js';
import { ConclusionMutations } from './resolvers/conclusion.mutations.js';
import { ConclusionResolver } from './resolvers/conclusion.resolver.js';
import { DocumentImportMutation } from './resolvers/document-import.mutation.js';
import { DocumentSearchResolver } from './resolvers/document-search.resolver.js';
import { DocumentMutations } from './resolvers/document.mutations.js';
import { SourceDocumentResolver } from './resolvers/source-document.resolver.js';
import { StrategyMutations } from './resolvers/strategy.mutations.js';
import { StrategyResolver } from './resolvers/strategy.resolver.js';
import { TopicResolver } from './resolvers/topic.resolver.js';

/** Conclusions, strategies, source documents and topics. */
export const knowledge: SubgraphDefinition = {
  name: 'knowledge',
  defaultPort: 4003,
  entities: [Conclusion, Strategy, SourceDocument, Topic, PartialDate],
  resolvers: [ConclusionResolver, StrategyResolver, SourceDocumentResolver, TopicResolver, ConclusionMutations, StrategyMutations, DocumentMutations, DocumentImportMutation, DocumentSearchResolver],
  references: {
    Conclusion: entityReference(Conclusion),
    Strategy: entityReference(Strategy),
    SourceDocument: entityReference(SourceDocument),
    Topic: entityReference(Topic, 'code'),
  },
};

import { entityReference, PartialDate, type SubgraphDefinition } from '@hub/kit';
import { Mention, MentionKind } from './entities/mention.embeddable.js';
import { AgencyRef, CommitteeRef, PersonRef, ProvinceRef } from './references.js';
import { MentionResolver, mentionedInResolver } from './resolvers/mentions.resolver.js';
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
import { DocumentStatisticsResolver } from './resolvers/statistics.resolver.js';
import { StrategyMutations } from './resolvers/strategy.mutations.js';
import { StrategyResolver } from './resolvers/strategy.resolver.js';
import { TopicResolver } from './resolvers/topic.resolver.js';

/** Conclusions, strategies, source documents and topics. */
export const knowledge: SubgraphDefinition = {
  name: 'knowledge',
  defaultPort: 4003,
  entities: [Conclusion, Strategy, SourceDocument, Topic, Mention, PartialDate],
  resolvers: [ConclusionResolver, StrategyResolver, SourceDocumentResolver, TopicResolver, ConclusionMutations, StrategyMutations, DocumentMutations, DocumentImportMutation, DocumentSearchResolver,
    MentionResolver,
    DocumentStatisticsResolver,
    mentionedInResolver(PersonRef, MentionKind.PERSON, (p) => p.id, 'Person'),
    mentionedInResolver(CommitteeRef, MentionKind.COMMITTEE, (p) => p.id, 'Committee'),
    mentionedInResolver(AgencyRef, MentionKind.AGENCY, (p) => p.id, 'Agency'),
    mentionedInResolver(ProvinceRef, MentionKind.PROVINCE, (p) => p.code, 'Province'),
    mentionedInResolver(Conclusion, MentionKind.CONCLUSION, (p) => p._id, 'Conclusion'),
    mentionedInResolver(Strategy, MentionKind.STRATEGY, (p) => p._id, 'Strategy'),
  ],
  references: {
    Conclusion: entityReference(Conclusion),
    Strategy: entityReference(Strategy),
    SourceDocument: entityReference(SourceDocument),
    Topic: entityReference(Topic, 'code'),
    // Stubs of organization's records resolve to themselves: this subgraph adds `mentionedIn`.
    Person: { __resolveReference: (reference: { id: string }) => PersonRef.of(reference.id) },
    Committee: { __resolveReference: (reference: { id: string }) => CommitteeRef.of(reference.id) },
    Agency: { __resolveReference: (reference: { id: string }) => AgencyRef.of(reference.id) },
    Province: { __resolveReference: (reference: { code: string }) => ProvinceRef.of(reference.code) },
  },
};

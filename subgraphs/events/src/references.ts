/** Entities owned elsewhere that events point at; resolvable ones get fields from this subgraph. */
import { referenceType } from '@hub/kit';

export const CommitteeRef = referenceType('Committee', { owner: 'organization', description: 'A steering committee (owned by the organization subgraph).' });
export const AgencyRef = referenceType('Agency', { owner: 'organization', description: 'An agency or body (owned by the organization subgraph).' });
export const PersonRef = referenceType('Person', { owner: 'organization', description: 'A person (owned by the organization subgraph).' });
export const ProvinceRef = referenceType('Province', { owner: 'organization', key: 'code', resolvable: false, description: 'A province (owned by the organization subgraph).' });
export const ConclusionRef = referenceType('Conclusion', { owner: 'knowledge', description: 'A conclusion of the Party (owned by the knowledge subgraph).' });
export const StrategyRef = referenceType('Strategy', { owner: 'knowledge', description: 'A strategy (owned by the knowledge subgraph).' });
export const SourceDocumentRef = referenceType('SourceDocument', { owner: 'knowledge', description: 'A source document (owned by the knowledge subgraph).' });

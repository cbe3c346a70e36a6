/** Entities owned elsewhere that events point at; resolvable ones get fields from this subgraph. */
import { referenceType } from '@hub/kit';

export const CommitteeRef = referenceType('Committee', { description: 'A steering committee (owned by the organization subgraph).' });
export const AgencyRef = referenceType('Agency', { description: 'An agency or body (owned by the organization subgraph).' });
export const PersonRef = referenceType('Person', { description: 'A person (owned by the organization subgraph).' });
export const ProvinceRef = referenceType('Province', { key: 'code', resolvable: false, description: 'A province (owned by the organization subgraph).' });
export const ConclusionRef = referenceType('Conclusion', { description: 'A conclusion of the Party (owned by the knowledge subgraph).' });
export const StrategyRef = referenceType('Strategy', { description: 'A strategy (owned by the knowledge subgraph).' });
export const SourceDocumentRef = referenceType('SourceDocument', { description: 'A source document (owned by the knowledge subgraph).' });

/** Entities owned elsewhere that knowledge points at. */
import { referenceType } from '@hub/kit';

export const AgencyRef = referenceType('Agency', { owner: 'organization', description: 'An agency or body (owned by the organization subgraph).' });
export const PersonRef = referenceType('Person', { owner: 'organization', description: 'A person (owned by the organization subgraph).' });
export const CommitteeRef = referenceType('Committee', { owner: 'organization', description: 'A steering committee (owned by the organization subgraph).' });
export const ProvinceRef = referenceType('Province', { owner: 'organization', key: 'code', description: 'A province (owned by the organization subgraph).' });

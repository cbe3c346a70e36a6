/** Entities owned elsewhere that knowledge points at. */
import { referenceType } from '@hub/kit';

export const AgencyRef = referenceType('Agency', { owner: 'organization', resolvable: false, description: 'An agency or body (owned by the organization subgraph).' });

/** Entities owned elsewhere that organization records point at. */
import { referenceType } from '@hub/kit';

export const SourceDocumentRef = referenceType('SourceDocument', { owner: 'knowledge', resolvable: false, description: 'A source document (owned by the knowledge subgraph).' });

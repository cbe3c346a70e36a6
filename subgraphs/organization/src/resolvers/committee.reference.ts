import { byId, type SubgraphContext } from '@hub/kit';
import { Committee } from '../entities/committee.entity.js';

/** Other subgraphs point at committees by id; archived ones still resolve. */
export const committeeReference = {
  __resolveReference: (reference: { id: string }, ctx: SubgraphContext) => byId(ctx, Committee).load(reference.id),
};

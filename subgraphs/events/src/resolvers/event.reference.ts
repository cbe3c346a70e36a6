import { byId, type SubgraphContext } from '@hub/kit';
import { Event } from '../entities/event.entity.js';

export const eventReference = {
  __resolveReference: (reference: { id: string }, ctx: SubgraphContext) => byId(ctx, Event).load(reference.id),
};

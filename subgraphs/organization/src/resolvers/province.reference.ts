import { byId, type SubgraphContext } from '@hub/kit';
import { Province } from '../entities/province.entity.js';

export const provinceReference = {
  __resolveReference: (reference: { code: string }, ctx: SubgraphContext) => byId(ctx, Province).load(reference.code),
};

import type { PositionRole } from './enums.js';
import { manyBy, notArchived, type SubgraphContext } from '@hub/kit';
import { Position } from './entities/position.entity.js';

const byRole = (a: Position, b: Position) => a.role.localeCompare(b.role) || a._id.localeCompare(b._id);

/** The positions held in a committee, in an agency, or by a person; optionally only those held on a day. */
export async function positionsOf(
  ctx: SubgraphContext,
  field: 'committeeId' | 'agencyId' | 'personId',
  key: string,
  activeOn?: Date | null,
  role?: PositionRole | null,
): Promise<Position[]> {
  const positions = (await manyBy(ctx, Position, field, { where: notArchived(), sort: byRole }).load(key)).filter((position) => !role || position.role === role);
  if (!activeOn) return positions;
  const day = activeOn.toISOString().slice(0, 10);
  return positions.filter((position) => position.activeOn(day));
}

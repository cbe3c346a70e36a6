import { writeResolver, type InputCheck } from '@hub/kit';
import { Agency } from '../entities/agency.entity.js';
import { Committee } from '../entities/committee.entity.js';
import { Person } from '../entities/person.entity.js';
import { Position } from '../entities/position.entity.js';
import { PositionInput, PositionPatch } from '../inputs/position.input.js';
import { SourceDocumentRef } from '../references.js';

function take(check: InputCheck, record: Position, input: Partial<PositionInput> | PositionPatch, at: string): void {
  if (input.role != null) record.role = input.role;
  if (input.since !== undefined) record.since = check.date(`${at}.since`, input.since);
  if (input.until !== undefined) record.until = check.date(`${at}.until`, input.until);
  if (input.since !== undefined || input.until !== undefined) check.period(`${at}.${input.until !== undefined ? 'until' : 'since'}`, record.since, record.until);
  if (input.attestedOn != null) record.attestedOn = input.attestedOn.map((date, i) => check.date(`${at}.attestedOn[${i}]`, date)!);
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocumentRef);
}

/** A new position: its key is who holds it, where, and the title as written. */
function create(check: InputCheck, input: PositionInput): Position {
  const title = check.text('input.title', input.title, true);
  check.exists('input.personId', Person, input.personId);
  if ((input.committeeId == null) === (input.agencyId == null)) check.add('input.committeeId', 'give exactly one of committeeId or agencyId');
  check.exists('input.committeeId', Committee, input.committeeId);
  check.exists('input.agencyId', Agency, input.agencyId);
  const id = Position.idFor(input.personId, (input.committeeId ?? input.agencyId) ?? '', title);
  check.unused('input.title', Position, id);
  return Object.assign(new Position(), { _id: id, personId: input.personId, title, committeeId: input.committeeId, agencyId: input.agencyId });
}

export const PositionMutations = writeResolver({
  entity: Position,
  name: 'Position',
  noun: 'a position (a title a person holds in a committee or an agency)',
  Input: PositionInput,
  Patch: PositionPatch,
  create,
  take,
});

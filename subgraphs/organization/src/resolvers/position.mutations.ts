import { archiveRecord, InputCheck, loadForWrite, saveRecord, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
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
  if (input.attestedOn != null) record.attestedOn = input.attestedOn.map((date, i) => check.date(`${at}.attestedOn[${i}]`, date)!);
  if (input.sources != null) {
    if (input.sources.length === 0) check.add(`${at}.sources`, 'name at least one source document (domain.md rule 3)');
    check.existsElsewhere(`${at}.sources`, SourceDocumentRef, input.sources);
    record.sources = [...new Set(input.sources)];
  }
}

@Resolver(() => Position)
export class PositionMutations {
  @Authorized('hub:write')
  @Mutation(() => Position, { description: 'Records a title a person holds in a committee or an agency. Needs hub:write.' })
  async createPosition(@Ctx() ctx: SubgraphContext, @Arg('input', () => PositionInput, { description: 'The new position.' }) input: PositionInput) {
    const check = new InputCheck(ctx);
    const title = check.text('input.title', input.title, true);
    check.exists('input.personId', Person, input.personId);
    if ((input.committeeId == null) === (input.agencyId == null)) {
      check.add('input.committeeId', 'give exactly one of committeeId or agencyId');
    }
    check.exists('input.committeeId', Committee, input.committeeId);
    check.exists('input.agencyId', Agency, input.agencyId);
    const id = Position.idFor(input.personId, (input.committeeId ?? input.agencyId) ?? '', title);
    check.unused('input.title', Position, id);
    const record = Object.assign(new Position(), { _id: id, personId: input.personId, title, committeeId: input.committeeId, agencyId: input.agencyId });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Position, { description: 'Changes a position, e.g. sets when it ended. Needs hub:write.' })
  async updatePosition(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the position to change.' }) id: string, @Arg('patch', () => PositionPatch, { description: 'The changes: only the fields given change.' }) patch: PositionPatch) {
    const record = await loadForWrite(ctx, Position, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Position, { description: 'Archives a position. Needs hub:write.' })
  archivePosition(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the position to archive.' }) id: string) {
    return archiveRecord(ctx, Position, id);
  }
}

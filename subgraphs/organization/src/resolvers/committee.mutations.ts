import { archiveRecord, InputCheck, loadForWrite, saveRecord, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Agency } from '../entities/agency.entity.js';
import { Committee } from '../entities/committee.entity.js';
import { Province } from '../entities/province.entity.js';
import { CommitteeLevel } from '../enums.js';
import { CommitteeInput, CommitteePatch } from '../inputs/committee.input.js';
import { SourceDocumentRef } from '../references.js';

/** Validates the fields an input gives and copies them onto the record. */
function take(check: InputCheck, record: Committee, input: Partial<CommitteeInput> | CommitteePatch, at: string): void {
  if (input.name !== undefined) record.name = check.text(`${at}.name`, input.name, true);
  if (input.nameEn !== undefined) record.nameEn = input.nameEn === null ? undefined : check.text(`${at}.nameEn`, input.nameEn, false);
  if (input.provinceCode !== undefined) {
    check.exists(`${at}.provinceCode`, Province, input.provinceCode);
    record.provinceCode = input.provinceCode ?? undefined;
  }
  if (input.parentId !== undefined) {
    if (input.parentId === record._id) check.add(`${at}.parentId`, 'a committee cannot be its own parent');
    check.exists(`${at}.parentId`, Committee, input.parentId);
    record.parentId = input.parentId ?? undefined;
  }
  if (input.standingAgencyId !== undefined) {
    check.exists(`${at}.standingAgencyId`, Agency, input.standingAgencyId);
    record.standingAgencyId = input.standingAgencyId ?? undefined;
  }
  if (input.memberAgencyIds != null) {
    check.exists(`${at}.memberAgencyIds`, Agency, input.memberAgencyIds);
    record.memberAgencyIds = [...new Set(input.memberAgencyIds)];
  }
  if (input.sources != null) {
    if (input.sources.length === 0) check.add(`${at}.sources`, 'name at least one source document (domain.md rule 3)');
    check.existsElsewhere(`${at}.sources`, SourceDocumentRef, input.sources);
    record.sources = [...new Set(input.sources)];
  }
  if (record.level === CommitteeLevel.PROVINCIAL && !record.provinceCode) check.add(`${at}.provinceCode`, 'a provincial committee needs its province');
  if (record.level === CommitteeLevel.CENTRAL && record.provinceCode) check.add(`${at}.provinceCode`, 'the central committee has no province');
}

@Resolver(() => Committee)
export class CommitteeMutations {
  @Authorized('hub:write')
  @Mutation(() => Committee, { description: 'Adds a steering committee. Needs hub:write.' })
  async createCommittee(@Ctx() ctx: SubgraphContext, @Arg('input', () => CommitteeInput, { description: 'The new committee.' }) input: CommitteeInput) {
    const check = new InputCheck(ctx);
    check.slug('input.code', input.code);
    check.unused('input.code', Committee, input.code);
    const record = Object.assign(new Committee(), { _id: input.code, code: input.code, level: input.level });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Committee, { description: 'Changes a committee. Needs hub:write.' })
  async updateCommittee(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the committee to change.' }) id: string, @Arg('patch', () => CommitteePatch, { description: 'The changes: only the fields given change.' }) patch: CommitteePatch) {
    const record = await loadForWrite(ctx, Committee, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Committee, { description: 'Archives a committee: it leaves lists but still resolves where referenced. Needs hub:write.' })
  archiveCommittee(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the committee to archive.' }) id: string) {
    return archiveRecord(ctx, Committee, id);
  }
}

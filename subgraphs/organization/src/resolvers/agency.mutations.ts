import { archiveRecord, InputCheck, loadForWrite, saveRecord, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Agency } from '../entities/agency.entity.js';
import { Province } from '../entities/province.entity.js';
import { AgencyInput, AgencyPatch } from '../inputs/agency.input.js';
import { SourceDocumentRef } from '../references.js';

function take(check: InputCheck, record: Agency, input: Partial<AgencyInput> | AgencyPatch, at: string): void {
  if (input.name !== undefined) record.name = check.text(`${at}.name`, input.name, true);
  if (input.nameEn !== undefined) record.nameEn = input.nameEn === null ? undefined : check.text(`${at}.nameEn`, input.nameEn, false);
  if (input.kind != null) record.kind = input.kind;
  if (input.parentId !== undefined) {
    if (input.parentId === record._id) check.add(`${at}.parentId`, 'an agency cannot be its own parent');
    check.exists(`${at}.parentId`, Agency, input.parentId);
    record.parentId = input.parentId ?? undefined;
  }
  if (input.provinceCode !== undefined) {
    check.exists(`${at}.provinceCode`, Province, input.provinceCode);
    record.provinceCode = input.provinceCode ?? undefined;
  }
  if (input.sources != null) {
    if (input.sources.length === 0) check.add(`${at}.sources`, 'name at least one source document (domain.md rule 3)');
    check.existsElsewhere(`${at}.sources`, SourceDocumentRef, input.sources);
    record.sources = [...new Set(input.sources)];
  }
}

@Resolver(() => Agency)
export class AgencyMutations {
  @Authorized('hub:write')
  @Mutation(() => Agency, { description: 'Adds an agency. Needs hub:write.' })
  async createAgency(@Ctx() ctx: SubgraphContext, @Arg('input', () => AgencyInput, { description: 'The new agency.' }) input: AgencyInput) {
    const check = new InputCheck(ctx);
    check.slug('input.code', input.code);
    check.unused('input.code', Agency, input.code);
    const record = Object.assign(new Agency(), { _id: input.code, code: input.code });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Agency, { description: 'Changes an agency. Needs hub:write.' })
  async updateAgency(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the agency to change.' }) id: string, @Arg('patch', () => AgencyPatch, { description: 'The changes: only the fields given change.' }) patch: AgencyPatch) {
    const record = await loadForWrite(ctx, Agency, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Agency, { description: 'Archives an agency: it leaves lists but still resolves where referenced. Needs hub:write.' })
  archiveAgency(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the agency to archive.' }) id: string) {
    return archiveRecord(ctx, Agency, id);
  }
}

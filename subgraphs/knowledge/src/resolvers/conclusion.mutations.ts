import { archiveRecord, InputCheck, loadForWrite, saveRecord, slugify, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Conclusion } from '../entities/conclusion.entity.js';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { Topic } from '../entities/topic.entity.js';
import { ConclusionInput, ConclusionPatch } from '../inputs/conclusion.input.js';
import { AgencyRef } from '../references.js';

function take(check: InputCheck, record: Conclusion, input: Partial<ConclusionInput> | ConclusionPatch, at: string): void {
  if (input.title != null) record.title = check.text(`${at}.title`, input.title, true);
  if (input.issuedById !== undefined) {
    check.existsElsewhere(`${at}.issuedById`, AgencyRef, input.issuedById);
    record.issuedById = input.issuedById ?? undefined;
  }
  if (input.issuedOn !== undefined) record.issuedOn = check.date(`${at}.issuedOn`, input.issuedOn);
  if (input.summary !== undefined) record.summary = input.summary === null ? undefined : check.text(`${at}.summary`, input.summary, false);
  if (input.strategyId !== undefined) {
    check.exists(`${at}.strategyId`, Strategy, input.strategyId);
    record.strategyId = input.strategyId ?? undefined;
  }
  if (input.topics != null) {
    check.exists(`${at}.topics`, Topic, input.topics);
    record.topics = [...new Set(input.topics)];
  }
  if (input.sources != null) {
    if (input.sources.length === 0) check.add(`${at}.sources`, 'name at least one source document (domain.md rule 3)');
    check.exists(`${at}.sources`, SourceDocument, input.sources);
    record.sources = [...new Set(input.sources)];
  }
}

@Resolver(() => Conclusion)
export class ConclusionMutations {
  @Authorized('hub:write')
  @Mutation(() => Conclusion, { description: 'Adds a conclusion. Needs hub:write.' })
  async createConclusion(@Ctx() ctx: SubgraphContext, @Arg('input', () => ConclusionInput, { description: 'The new conclusion.' }) input: ConclusionInput) {
    const check = new InputCheck(ctx);
    const number = check.text('input.number', input.number, true);
    const id = slugify(number);
    if (!id) check.add('input.number', 'must contain letters or digits');
    else check.unused('input.number', Conclusion, id);
    const record = Object.assign(new Conclusion(), { _id: id, number });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Conclusion, { description: 'Changes a conclusion. Needs hub:write.' })
  async updateConclusion(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the conclusion to change.' }) id: string, @Arg('patch', () => ConclusionPatch, { description: 'The changes: only the fields given change.' }) patch: ConclusionPatch) {
    const record = await loadForWrite(ctx, Conclusion, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Conclusion, { description: 'Archives a conclusion: it leaves lists but still resolves where referenced. Needs hub:write.' })
  archiveConclusion(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the conclusion to archive.' }) id: string) {
    return archiveRecord(ctx, Conclusion, id);
  }
}

import { archiveRecord, InputCheck, loadForWrite, saveRecord, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { Topic } from '../entities/topic.entity.js';
import { StrategyInput, StrategyPatch } from '../inputs/strategy.input.js';

function take(check: InputCheck, record: Strategy, input: Partial<StrategyInput> | StrategyPatch, at: string): void {
  if (input.title != null) record.title = check.text(`${at}.title`, input.title, true);
  if (input.startYear != null) {
    check.integer(`${at}.startYear`, input.startYear, 1945, 2200);
    record.startYear = input.startYear;
  }
  if (input.endYear != null) {
    check.integer(`${at}.endYear`, input.endYear, 1945, 2200);
    record.endYear = input.endYear;
  }
  if (record.startYear > record.endYear) check.add(`${at}.endYear`, `must not be before the start year ${record.startYear}`);
  if (input.predecessorId !== undefined) {
    if (input.predecessorId === record._id) check.add(`${at}.predecessorId`, 'a strategy cannot follow itself');
    check.exists(`${at}.predecessorId`, Strategy, input.predecessorId);
    record.predecessorId = input.predecessorId ?? undefined;
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

@Resolver(() => Strategy)
export class StrategyMutations {
  @Authorized('hub:write')
  @Mutation(() => Strategy, { description: 'Adds a strategy. Needs hub:write.' })
  async createStrategy(@Ctx() ctx: SubgraphContext, @Arg('input', () => StrategyInput, { description: 'The new strategy.' }) input: StrategyInput) {
    const check = new InputCheck(ctx);
    check.slug('input.code', input.code);
    check.unused('input.code', Strategy, input.code);
    const record = Object.assign(new Strategy(), { _id: input.code, code: input.code });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Strategy, { description: 'Changes a strategy. Needs hub:write.' })
  async updateStrategy(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the strategy to change.' }) id: string, @Arg('patch', () => StrategyPatch, { description: 'The changes: only the fields given change.' }) patch: StrategyPatch) {
    const record = await loadForWrite(ctx, Strategy, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Strategy, { description: 'Archives a strategy: it leaves lists but still resolves where referenced. Needs hub:write.' })
  archiveStrategy(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the strategy to archive.' }) id: string) {
    return archiveRecord(ctx, Strategy, id);
  }
}

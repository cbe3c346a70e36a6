import { writeResolver, type InputCheck } from '@hub/kit';
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
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocument);
}

export const StrategyMutations = writeResolver({
  entity: Strategy,
  name: 'Strategy',
  noun: 'a strategy',
  Input: StrategyInput,
  Patch: StrategyPatch,
  create: (check, input) => Object.assign(new Strategy(), { _id: check.newKey(Strategy, input.code, undefined, 'input.code'), code: input.code }),
  take,
});

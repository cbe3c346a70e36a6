import { slugify, writeResolver, type InputCheck } from '@hub/kit';
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
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocument);
}

/** A new conclusion: its key is the slug of its number ("57-KL/TW" → "57-kl-tw"). */
function create(check: InputCheck, input: ConclusionInput): Conclusion {
  const number = check.text('input.number', input.number, true);
  const id = slugify(number ?? '');
  if (!id) check.add('input.number', 'must contain letters or digits');
  else check.unused('input.number', Conclusion, id);
  return Object.assign(new Conclusion(), { _id: id, number });
}

export const ConclusionMutations = writeResolver({
  entity: Conclusion,
  name: 'Conclusion',
  noun: 'a conclusion',
  Input: ConclusionInput,
  Patch: ConclusionPatch,
  create,
  take,
});

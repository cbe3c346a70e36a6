import { notArchived, searchFilter, type Filter } from '@hub/kit';
import type { EventFilter } from './inputs/event-filter.input.js';

/** Leaves archived events out of every list; they still resolve by id. */

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The Mongo conditions for an EventFilter, shared by `events` and every `*.events` field. */
export function eventConditions(filter: EventFilter | null | undefined): Filter {
  const conditions: Filter[] = [notArchived()];
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.year != null) conditions.push({ 'date.year': filter.year });
  // An event "may have taken place" in [from, to] when its possible days overlap the range.
  if (filter?.from) conditions.push({ latestDay: { $gte: day(filter.from) } });
  if (filter?.to) conditions.push({ earliestDay: { $lte: day(filter.to) } });
  if (filter?.organizerId) conditions.push({ organizerId: filter.organizerId });
  if (filter?.provinceCode) conditions.push({ provinceCode: filter.provinceCode });
  const search = searchFilter(filter?.search);
  if (search) conditions.push(search);
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

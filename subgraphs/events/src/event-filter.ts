import { badUserInput, checkYear, notArchived, searchFilter, type Filter, type SubgraphContext } from '@hub/kit';
import { DateMatch, type Region } from './enums.js';
import type { EventFilter } from './inputs/event-filter.input.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Events in [from, to] (ISO days, either open). Each event knows the first and last day it may
 * have taken place on (`earliestDay`, `latestDay`: from its partial date, or from the bounds its
 * sources support); an event with neither is undated.
 *  - POSSIBLE: its possible days overlap the range (an open end of the event's counts as overlapping);
 *  - CERTAIN: all its possible days are in the range.
 */
function dateRange(from: string | undefined, to: string | undefined, match: DateMatch, includeUndated: boolean): Filter {
  const certain = match === DateMatch.CERTAIN;
  const parts: Filter[] = [];
  if (from) parts.push(certain ? { earliestDay: { $gte: from } } : { $or: [{ latestDay: { $gte: from } }, { latestDay: { $exists: false }, earliestDay: { $exists: true } }] });
  if (to) parts.push(certain ? { latestDay: { $lte: to } } : { $or: [{ earliestDay: { $lte: to } }, { earliestDay: { $exists: false }, latestDay: { $exists: true } }] });
  const dated: Filter = parts.length === 1 ? parts[0]! : { $and: parts };
  return includeUndated ? { $or: [dated, { earliestDay: { $exists: false }, latestDay: { $exists: false } }] } : dated;
}

/** Per request: the province codes of each region asked about, from organization (asked once). */
const regionsAsked = new WeakMap<SubgraphContext, Map<Region, Promise<string[]>>>();

/**
 * The codes of the provinces of `filter.region` (undefined without one). Which province is in
 * which region is organization's to say: one signed question per region per request, however
 * many `events` fields use the filter.
 */
export function regionProvinceCodes(ctx: SubgraphContext, filter: EventFilter | null | undefined): Promise<string[] | undefined> {
  const region = filter?.region;
  if (!region) return Promise.resolve(undefined);
  const asked = regionsAsked.get(ctx) ?? new Map<Region, Promise<string[]>>();
  regionsAsked.set(ctx, asked);
  let codes = asked.get(region);
  if (!codes) {
    codes = ctx.peers
      .query<{ provinces: Array<{ code: string }> }>('organization', 'query ($region: Region) { provinces(region: $region) { code } }', { region }, ctx.identity)
      .then((data) => data.provinces.map((province) => province.code));
    asked.set(region, codes);
  }
  return codes;
}

/** Per request: which filter references were checked with their owner (each asked once). */
const referencesChecked = new WeakMap<SubgraphContext, Map<string, Promise<void>>>();

/**
 * Refuses a filter naming a person, committee or province the hub does not have, so a typo
 * ("hanoi", "pham-van-lin") is told apart from "no events": organization is asked once per id
 * per request, however many `events` fields use the filter.
 */
export async function checkFilterReferences(ctx: SubgraphContext, filter: EventFilter | null | undefined): Promise<void> {
  const asks: Array<{ field: string; typeName: string; key: 'id' | 'code'; value: string; noun: string }> = [];
  if (filter?.personId) asks.push({ field: 'filter.personId', typeName: 'Person', key: 'id', value: filter.personId, noun: 'person' });
  if (filter?.committeeId) asks.push({ field: 'filter.committeeId', typeName: 'Committee', key: 'id', value: filter.committeeId, noun: 'committee' });
  if (filter?.organizerId) asks.push({ field: 'filter.organizerId', typeName: 'Committee', key: 'id', value: filter.organizerId, noun: 'committee' });
  if (filter?.provinceCode) asks.push({ field: 'filter.provinceCode', typeName: 'Province', key: 'code', value: filter.provinceCode, noun: 'province code' });
  const checked = referencesChecked.get(ctx) ?? new Map<string, Promise<void>>();
  referencesChecked.set(ctx, checked);
  await Promise.all(
    asks.map(({ field, typeName, key, value, noun }) => {
      const cacheKey = `${field}\n${value}`;
      let check = checked.get(cacheKey);
      if (!check) {
        check = ctx.peers.missing('organization', typeName, key, [value], ctx.identity).then((missing) => {
          if (missing.length > 0) throw badUserInput(field, `"${value}" is not a ${noun} the hub knows (ids and codes are slugs, e.g. "ha-noi", "pham-van-linh")`);
        });
        checked.set(cacheKey, check);
      }
      return check;
    }),
  );
}

/**
 * The conditions of a filter whose references exist, with the provinces of its region looked up:
 * what `eventConditions` needs, asked of organization at most once per request.
 */
export async function resolvedEventConditions(ctx: SubgraphContext, filter: EventFilter | null | undefined): Promise<Filter> {
  const [regionCodes] = await Promise.all([regionProvinceCodes(ctx, filter), checkFilterReferences(ctx, filter)]);
  return eventConditions(filter, regionCodes);
}

/**
 * The Mongo conditions for an EventFilter, shared by `events` and every `*.events` field;
 * `regionCodes` are the provinces of `filter.region` (see regionProvinceCodes).
 */
export function eventConditions(filter: EventFilter | null | undefined, regionCodes?: string[]): Filter {
  const conditions: Filter[] = [notArchived()];
  const match = filter?.dates ?? DateMatch.POSSIBLE;
  const includeUndated = filter?.includeUndated ?? false;
  const from = filter?.from ? day(filter.from) : undefined;
  const to = filter?.to ? day(filter.to) : undefined;
  checkYear('filter.year', filter?.year);
  if (from && to && from > to) throw badUserInput('filter.from', `(${from}) is after filter.to (${to}): no event can match`);
  if (includeUndated && match === DateMatch.CERTAIN) throw badUserInput('filter.includeUndated', 'cannot be combined with dates: CERTAIN: an undated event is never certainly in a range');
  if (includeUndated && filter?.year == null && !from && !to) throw badUserInput('filter.includeUndated', 'needs year, from or to: it widens a date filter');
  if (filter?.dates === DateMatch.CERTAIN && filter.year == null && !from && !to) throw badUserInput('filter.dates', 'needs year, from or to: it says how an event must fall in a date range');
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.year != null) {
    const [first, last] = [`${String(filter.year).padStart(4, '0')}-01-01`, `${String(filter.year).padStart(4, '0')}-12-31`];
    if ((from && from > last) || (to && to < first)) throw badUserInput('filter.year', `${filter.year} lies outside filter.from–filter.to: no event can match`);
    // Held in that year, or reviewing it (a review of 2018 is an event "of 2018" to an analyst).
    conditions.push({ $or: [dateRange(first, last, match, includeUndated), { 'reviewPeriod.from.year': { $lte: filter.year }, 'reviewPeriod.to.year': { $gte: filter.year } }] });
  }
  if (from || to) conditions.push(dateRange(from, to, match, includeUndated));
  if (filter?.organizerId) conditions.push({ organizerId: filter.organizerId });
  if (filter?.committeeId) conditions.push({ committeeIds: filter.committeeId });
  if (filter?.personId) conditions.push({ personIds: filter.personId });
  if (filter?.provinceCode) conditions.push({ provinceCodes: filter.provinceCode });
  if (filter?.region) {
    if (!regionCodes) throw new Error('eventConditions: the provinces of filter.region were not looked up (regionProvinceCodes)');
    if (filter.provinceCode && !regionCodes.includes(filter.provinceCode)) {
      throw badUserInput('filter.provinceCode', `"${filter.provinceCode}" is not a province of region ${filter.region}: no event can match`);
    }
    conditions.push({ provinceCodes: { $in: regionCodes } });
  }
  const search = searchFilter(filter?.search);
  if (search) conditions.push(search);
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

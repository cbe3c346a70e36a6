/**
 * What the benchmark asks: a query answered by one subgraph, a fan-out across all three, the
 * cross-subgraph conclusion query of issue 11, and the analyst questions of test/analysts.e2e.ts.
 *
 * The questions that name a record (a conclusion, an event, a committee and a day, a year, a
 * region) name the seed's. On a synthetic data set those records do not exist, so each such query
 * also says how to ask the same question there: `synthetic` asks the hub for the equivalent
 * record (the biggest of its kind, as the seed's are) and returns the query about it.
 */
export interface BenchQuery {
  name: string;
  query: string;
  /** The same question on a synthetic data set, about a record found there; absent when the query names none. */
  synthetic?: (ask: Ask) => Promise<{ name: string; query: string }>;
}

/** Sends a query to the hub's gateway and returns its data (throws on errors). */
export type Ask = (query: string) => Promise<any>;

/** Thrown when no record to ask about is found (none there, or the hub failed to say): the query is skipped with this reason. */
export class NothingToAsk extends Error {}

const edges = <T>(connection: { edges: Array<{ node: T }> } | null | undefined): T[] => connection?.edges.map((edge) => edge.node) ?? [];
const biggest = <T>(items: T[], size: (item: T) => number): T | undefined => items.reduce<T | undefined>((best, item) => (size(item) > 0 && (best === undefined || size(item) > size(best)) ? item : best), undefined);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const QUERIES: readonly BenchQuery[] = [
  { name: 'one subgraph: 64 committees', query: '{ committees(first: 64) { edges { node { code name level } } } }' },
  {
    name: 'fan-out: committees → province, parent, events → conclusions',
    query: `{ committees(first: 64) { edges { node { name province { name region } parent { code }
      events(first: 5) { totalCount edges { node { title conclusions { number } strategies { code } } } } } } } }`,
  },
  {
    name: 'conclusion → events → organizer, participants',
    query: conclusionQuery('57-KL/TW'),
    // The conclusion most events followed, as 57-KL/TW is in the seed: the one most of the latest 100
    // events name (asking every conclusion for its events would itself be the heaviest query here).
    synthetic: async (ask) => {
      const named = new Map<string, number>();
      for (const event of edges<{ conclusions: Array<{ number: string }> | null }>((await ask('{ events(first: 100) { edges { node { conclusions { number } } } } }')).events)) {
        for (const { number } of event.conclusions ?? []) named.set(number, (named.get(number) ?? 0) + 1);
      }
      const found = biggest([...named.keys()], (number) => named.get(number)!);
      if (!found) throw new NothingToAsk('none of the latest 100 events of the synthetic data set names a conclusion');
      return { name: `conclusion ${found} → events → organizer, participants`, query: conclusionQuery(found) };
    },
  },
  {
    name: 'analyst: events from 2020 on, with date bounds',
    query: eventsFromQuery(2020),
    // The seed's year is in the middle of its events; here too, the year halfway between the first and
    // the last event's (from the ends of the sorted list: counting the events per year takes too long).
    synthetic: async (ask) => {
      const ends = await ask('{ first: events(first: 1, orderBy: DATE_ASC) { edges { node { date { year } } } } last: events(first: 1, orderBy: DATE_DESC) { edges { node { date { year } } } } }');
      const [first, last] = [edges<{ date: { year: number | null } }>(ends.first)[0]?.date.year, edges<{ date: { year: number | null } }>(ends.last)[0]?.date.year];
      if (!first || !last) throw new NothingToAsk('no event has a year in the synthetic data set');
      const year = Math.round((first + last) / 2);
      return { name: `analyst: events from ${year} on, with date bounds`, query: eventsFromQuery(year) };
    },
  },
  {
    name: 'analyst: the northern briefing, its 25 committees',
    query: briefingQuery('giao-ban-ttdn-khu-vuc-phia-bac'),
    // The northern briefing that most committees took part in.
    synthetic: async (ask) => {
      type Briefing = { id: string; participants: Array<{ committee: { id: string } | null }> };
      const committees = (event: Briefing) => new Set(event.participants.flatMap((p) => (p.committee ? [p.committee.id] : []))).size;
      const found = biggest(edges<Briefing>((await ask('{ events(filter: { kind: BRIEFING, region: NORTH }, first: 100) { edges { node { id participants { committee { id } } } } } }')).events), committees);
      if (!found) throw new NothingToAsk('no northern briefing of the synthetic data set has committees taking part');
      return { name: `analyst: a northern briefing (${found.id}), its ${committees(found)} committees`, query: briefingQuery(found.id) };
    },
  },
  {
    name: 'analyst: events of a region',
    query: regionQuery('NORTH'),
    // The seed's region if it has events, else the first that has.
    synthetic: async (ask) => {
      for (const region of ['NORTH', 'CENTRAL', 'SOUTH']) {
        if (edges((await ask(`{ events(filter: { region: ${region} }, first: 1) { edges { node { id } } } }`)).events).length > 0) return { name: `analyst: events of a region (${region})`, query: regionQuery(region) };
      }
      throw new NothingToAsk('no region has events in the synthetic data set');
    },
  },
  {
    name: 'analyst: who headed a committee on a date',
    query: headQuery('ban-chi-dao-ttdn-tw', '2020-07-01'),
    // The central committee, as in the seed, on the middle day of the latest head's term.
    synthetic: async (ask) => {
      type Term = { since: { iso: string | null } | null; until: { iso: string | null } | null };
      const [central] = edges<{ id: string; positions: Term[] }>((await ask('{ committees(filter: { level: CENTRAL }, first: 1) { edges { node { id positions(role: HEAD) { since { iso } until { iso } } } } } }')).committees);
      const terms = (central?.positions ?? []).filter((term) => term.since?.iso).sort((a, b) => b.since!.iso!.localeCompare(a.since!.iso!));
      if (!central || terms.length === 0) throw new NothingToAsk('the synthetic data set\'s central committee has no head with a start date');
      const since = Date.parse(terms[0]!.since!.iso!);
      const until = terms[0]!.until?.iso ? Date.parse(terms[0]!.until.iso) : since + 180 * 86_400_000;
      const on = day(since + (until - since) / 2);
      return { name: `analyst: who headed a committee on a date (${central.id}, ${on})`, query: headQuery(central.id, on) };
    },
  },
  {
    name: 'analyst: event statistics',
    query: `{ eventStatistics { perYear { year count dated fromBounds } uncertainYear unknownYear perKind { kind count }
      perOrganizer { committee { id } count } participationsPerPerson { person { id fullName } count } } }`,
  },
  { name: 'analyst: committees per region', query: '{ committeeStatistics { perRegion { region committees withEvents withoutEvents events } } }' },
  { name: 'analyst: document statistics', query: '{ documentStatistics { total perYear { year count } unknownYear perPublisher { publisher count } unknownPublisher } }' },
];

function conclusionQuery(number: string): string {
  return `{ conclusion(number: ${JSON.stringify(number)}) { number events { title date { iso } organizer { name level }
      participants { role title person { fullName } committee { name } agency { name } } sources { title } } } }`;
}

function eventsFromQuery(year: number): string {
  return `{ events(filter: { from: "${year}-01-01" }, first: 100) { edges { node { id dateBounds { earliest latest reasoning } } } } }`;
}

function briefingQuery(id: string): string {
  return `{ event(id: ${JSON.stringify(id)}) { participants { roles person { id } committee { id level province { region } } } } }`;
}

function regionQuery(region: string): string {
  return `{ events(filter: { region: ${region} }, first: 100) { edges { node { id } } } }`;
}

function headQuery(committee: string, on: string): string {
  return `{ committee(id: ${JSON.stringify(committee)}) { positions(activeOn: "${on}", role: HEAD) { title person { fullName } } } }`;
}

/** How many rows an answer holds: the records (objects) in every list in it, at any depth; 0 is an empty answer. */
export function rowsOf(data: unknown): number {
  if (Array.isArray(data)) return data.reduce<number>((sum, item) => sum + (item && typeof item === 'object' ? 1 + rowsOf(item) : 0), 0);
  if (data && typeof data === 'object') return Object.values(data).reduce<number>((sum, value) => sum + rowsOf(value), 0);
  return 0;
}

/**
 * The saved reports of issue 8 (GET /reports/<name>.csv on the gateway), measured where the hub
 * has them and skipped with a note where it does not.
 */
export const REPORTS: readonly string[] = ['events-with-participants', 'committee-roster', 'people-with-positions', 'documents'];

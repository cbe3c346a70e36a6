/**
 * What the benchmark asks: a query answered by one subgraph, a fan-out across all three, the
 * cross-subgraph conclusion query of issue 11, and the analyst questions of test/analysts.e2e.ts.
 */
export interface BenchQuery {
  name: string;
  query: string;
}

export const QUERIES: readonly BenchQuery[] = [
  { name: 'one subgraph: 64 committees', query: '{ committees(first: 64) { edges { node { code name level } } } }' },
  {
    name: 'fan-out: committees → province, parent, events → conclusions',
    query: `{ committees(first: 64) { edges { node { name province { name region } parent { code }
      events(first: 5) { totalCount edges { node { title conclusions { number } strategies { code } } } } } } } }`,
  },
  {
    name: 'conclusion → events → organizer, participants',
    query: `{ conclusion(number: "57-KL/TW") { number events { title date { iso } organizer { name level }
      participants { role title person { fullName } committee { name } agency { name } } sources { title } } } }`,
  },
  { name: 'analyst: events from 2020 on, with date bounds', query: '{ events(filter: { from: "2020-01-01" }, first: 100) { edges { node { id dateBounds { earliest latest reasoning } } } } }' },
  {
    name: 'analyst: the northern briefing, its 25 committees',
    query: '{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { participants { roles person { id } committee { id level province { region } } } } }',
  },
  { name: 'analyst: events of a region', query: '{ events(filter: { region: NORTH }, first: 100) { edges { node { id } } } }' },
  { name: 'analyst: who headed a committee on a date', query: '{ committee(id: "ban-chi-dao-ttdn-tw") { positions(activeOn: "2020-07-01", role: HEAD) { title person { fullName } } } }' },
  {
    name: 'analyst: event statistics',
    query: `{ eventStatistics { perYear { year count dated fromBounds } uncertainYear unknownYear perKind { kind count }
      perOrganizer { committee { id } count } participationsPerPerson { person { id fullName } count } } }`,
  },
  { name: 'analyst: committees per region', query: '{ committeeStatistics { perRegion { region committees withEvents withoutEvents events } } }' },
  { name: 'analyst: document statistics', query: '{ documentStatistics { total perYear { year count } unknownYear perPublisher { publisher count } unknownPublisher } }' },
];

/**
 * The saved reports of issue 8 (GET /reports/<name>.csv on the gateway), measured where the hub
 * has them and skipped with a note where it does not.
 */
export const REPORTS: readonly string[] = ['events-with-participants', 'committee-roster', 'people-with-positions', 'documents'];

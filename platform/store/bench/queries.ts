/**
 * How fast the store answers the queries the hub's subgraphs send, on the synthetic data set
 * (`hub generate --scale 1` first), and how many documents each examines (explain).
 *
 *   node platform/store/bench/queries.ts mongodb://127.0.0.1:27017/ [runs] [only queries whose name has this]
 *
 * The filters are the ones the kit and the resolvers build (notArchived, $in batches, token
 * search, cursor pages); the figures are milliseconds per query, p50 and p95 over `runs` runs.
 */
import { MongoClient, type Document } from 'mongodb';

const uri = process.argv[2];
const runs = Number(process.argv[3] ?? 15);
if (!uri || !/^mongodb:\/\//.test(uri) || !(runs > 0)) {
  process.stderr.write('usage: node platform/store/bench/queries.ts <mongodb://host:port/> [runs]\n');
  process.exit(2);
}

const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 3_000 }).connect().catch((error: Error) => {
  process.stderr.write(`cannot reach the store at ${uri}: ${error.message}\n`);
  process.exit(2);
});
const events = client.db('hub_synthetic_events').collection('events');
const people = client.db('hub_synthetic_organization').collection('people');
const positions = client.db('hub_synthetic_organization').collection('positions');
const documents = client.db('hub_synthetic_knowledge').collection('documents');
if ((await events.estimatedDocumentCount()) === 0) {
  process.stderr.write('no synthetic data set there: run "npm run hub -- generate --scale 1" against this store first\n');
  process.exit(2);
}
const personIds = Array.from({ length: 20 }, (_, i) => `synthetic-person-${String(i * 97 + 1).padStart(6, '0')}`);

/** Each query as the subgraphs send it, with what it should return. */
const QUERIES: Array<{ name: string; collection: typeof events; filter: Document; sort?: Document; limit?: number }> = [
  { name: 'events page (first 20, newest first)', collection: events, filter: { archivedAt: null }, sort: { descKey: 1 }, limit: 21 },
  { name: "a committee's events (loader: committeeIds $in)", collection: events, filter: { $and: [{ committeeIds: { $in: ['synthetic-committee-000007'] } }, { archivedAt: null }] } },
  { name: 'events of one kind and year (filter)', collection: events, filter: { $and: [{ archivedAt: null }, { kind: 'NATIONAL_CONFERENCE' }, { earliestDay: { $gte: '2020-01-01' } }, { latestDay: { $lte: '2020-12-31' } }] }, sort: { descKey: 1 }, limit: 21 },
  // Not what the kit sends today: the one shape FerretDB's PostgreSQL backend pushes down.
  { name: "a committee's events (top-level equality)", collection: events, filter: { committeeIds: 'synthetic-committee-000007' } },
  { name: '20 people by id (reference loader)', collection: people, filter: { _id: { $in: personIds } } },
  { name: "20 people's positions (loader: personId $in)", collection: positions, filter: { $and: [{ personId: { $in: personIds } }, { archivedAt: null }] } },
  { name: 'document search (searchTokens $all)', collection: documents, filter: { $and: [{ archivedAt: null }, { searchTokens: { $all: ['bien', 'dao'] } }] } },
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const rows: Array<Record<string, string | number>> = [];
const only = process.argv[4];
for (const query of QUERIES.filter((q) => !only || q.name.includes(only))) {
  const cursor = () => {
    let c = query.collection.find(query.filter);
    if (query.sort) c = c.sort(query.sort);
    if (query.limit) c = c.limit(query.limit);
    return c;
  };
  const times: number[] = [];
  let returned = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    returned = (await cursor().toArray()).length;
    times.push(performance.now() - started);
  }
  const plan = (await cursor().explain().catch(() => ({}))) as Document;
  const row = {
    query: query.name,
    returned,
    p50_ms: Math.round(percentile(times, 50)),
    p95_ms: Math.round(percentile(times, 95)),
    pushdown: plan.filterPushdown === undefined ? '?' : `${plan.filterPushdown ? 'filter' : '-'}/${plan.sortPushdown ? 'sort' : '-'}/${plan.limitPushdown ? 'limit' : '-'}`,
  };
  rows.push(row);
  // One line as each query is measured: on a slow store the whole table takes minutes.
  process.stderr.write(`${JSON.stringify(row)}\n`);
}
console.table(rows);
console.log(`store ${uri}, ${runs} runs each, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await client.close();

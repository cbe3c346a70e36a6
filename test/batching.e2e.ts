/**
 * Reporting tools pull wide pages across subgraphs; each plan step must cost one database query
 * per entity type, not one per row. We count the commands each subgraph sends (driver command
 * monitoring, read from /metrics) for a small page and a large one: they must be equal.
 */
import { Event } from '@hub/events';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseCommands, graphql, hub, metrics } from './harness/client.js';

const SUBGRAPHS = ['organization', 'events', 'knowledge'] as const;
const FIXTURE_PREFIX = 'e2e-batching-';

/**
 * A wide query per subgraph (its heaviest), and one across all three; `$first` sets the rows.
 * Each level of a query costs one command per entity type when some row reaches it, and none
 * when no row does, so the small page is chosen to reach every level the large one reaches.
 */
const QUERIES: Record<string, { query: string; small: number; large: number }> = {
  'across the three subgraphs': {
    small: 2,
    large: 60,
    query: `query ($first: Int!) { committees(first: $first, filter: { level: PROVINCIAL }) { edges { node {
      code parent { code } province { name region }
      events(first: 5) { totalCount edges { node { title organizer { code name } conclusions { number title strategy { code } } participants { role committee { code } } } } }
    } } } }`,
  },
  'organization: committees with people and positions': {
    small: 2,
    large: 64,
    query: `query ($first: Int!) { committees(first: $first) { edges { node {
      code parent { code } children { code } province { name } standingAgency { name } memberAgencies { name }
      positions { title role person { fullName positions { title committee { code } } } }
    } } } }`,
  },
  'events: events with every reference': {
    small: 2,
    large: 60,
    query: `query ($first: Int!) { events(first: $first) { edges { node {
      title organizer { name level } province { name }
      participants { role person { fullName } committee { name } agency { name kind } }
      conclusions { number issuedBy { name } } strategies { code successor { code } } sources { title }
    } } } }`,
  },
  'events into organization: the participations of the northern committees, with roles': {
    small: 2,
    large: 25,
    query: `query ($first: Int!) { committees(first: $first, filter: { region: NORTH }) { edges { node {
      code participations { roles title event { title organizer { name } participants { roles person { fullName participations { roles } } } } }
    } } } }`,
  },
  'knowledge: documents with topics and events': {
    small: 1,
    large: 5,
    query: `query ($first: Int!) { documents(first: $first) { edges { node {
      title topics { name } events { title organizer { name } participants { person { fullName } } }
    } } } }`,
  },
};
const rowsOf = (data: Record<string, { edges: unknown[] }>) => Object.values(data)[0]!.edges.length;

async function commandsFor(query: string, first: number) {
  const before = await Promise.all(SUBGRAPHS.map(databaseCommands));
  const result = await graphql(query, { variables: { first } });
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  const after = await Promise.all(SUBGRAPHS.map(databaseCommands));
  return { rows: rowsOf(result.body.data!), commands: Object.fromEntries(SUBGRAPHS.map((name, i) => [name, after[i]! - before[i]!])) };
}

describe('database commands do not grow with the rows returned', () => {
  let client: MongoClient;

  beforeAll(async () => {
    // One event per provincial committee, so larger pages really carry more rows at every level.
    const target = hub().targets.events!;
    client = await MongoClient.connect(target.uri);
    const committees = await client.db(hub().targets.organization!.dbName).collection('committees').find({ level: 'PROVINCIAL' }).toArray();
    const fixtures = committees.map((committee, index) => {
      const event = Object.assign(new Event(), {
        _id: `${FIXTURE_PREFIX}${String(committee._id)}`,
        title: `Giao ban thử nghiệm ${index}`,
        kind: 'BRIEFING',
        date: { year: 2024, month: 1 + (index % 12) },
        organizerId: String(committee._id),
        participants: [{ role: 'ATTENDEE', committeeId: 'ban-chi-dao-ttdn-tw' }],
        conclusionIds: ['57-kl-tw'],
        sources: [],
      }).refresh();
      return JSON.parse(JSON.stringify(event)) as { _id: string };
    });
    await client.db(target.dbName).collection<{ _id: string }>('events').insertMany(fixtures);
  });

  afterAll(async () => {
    await client.db(hub().targets.events!.dbName).collection('events').deleteMany({ _id: { $regex: `^${FIXTURE_PREFIX}` } } as never);
    await client.close();
  });

  it.each(Object.entries(QUERIES))('%s: a large page costs what a small one does', async (name, { query, small, large }) => {
    const few = await commandsFor(query, small);
    const many = await commandsFor(query, large);
    process.stderr.write(`batching, ${name}: ${few.rows} rows → ${JSON.stringify(few.commands)}; ${many.rows} rows → ${JSON.stringify(many.commands)}\n`);
    expect(few.rows).toBe(small);
    expect(many.rows).toBe(large);
    expect(many.commands).toEqual(few.commands);
    // And not zero: the query really reached the databases.
    expect(Object.values(few.commands).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('a page costs only what the client selects', () => {
  /** The events subgraph's database commands so far, per command name. */
  const byCommand = async () => {
    const counts = new Map<string, number>();
    for (const [key, value] of await metrics('events')) {
      const command = /^hub_db_commands_total\{.*command="([^"]+)"/.exec(key)?.[1];
      if (command) counts.set(command, (counts.get(command) ?? 0) + value);
    }
    return counts;
  };
  const commandsSince = async (before: Map<string, number>) => {
    const after = await byCommand();
    return (command: string) => (after.get(command) ?? 0) - (before.get(command) ?? 0);
  };

  async function organizationCommands(query: string) {
    const before = await databaseCommands('organization');
    const result = await graphql(query);
    expect(result.body.errors).toBeUndefined();
    return (await databaseCommands('organization')) - before;
  }

  it('counts without fetching rows for totalCount alone', async () => {
    expect(await organizationCommands('{ committees { totalCount } }')).toBe(1);
  });

  it('fetches without counting when the first page holds every row', async () => {
    expect(await organizationCommands('{ committees(first: 100) { totalCount edges { node { code } } } }')).toBe(1);
  });

  it('fetches and counts when more pages follow', async () => {
    expect(await organizationCommands('{ committees(first: 10) { totalCount edges { node { code } } } }')).toBe(2);
  });

  it("gives many parents' pages exactly as each parent's own, cursors and next pages too, in two queries for all of them", async () => {
    // Many parents page the keys of all their rows, then fetch the pages' records; one parent
    // asks the store for its page alone. Both must give the same pages.
    const page = 'first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title kind organizer { code } } } }';
    const before = await byCommand();
    const many = await graphql(`{ committees(first: 30) { edges { node { id events(${page} } } } }`);
    const sent = await commandsSince(before);
    expect(many.body.errors).toBeUndefined();
    // The page's keys, then its records (and the committees, and a count), for all 30 committees.
    expect(sent('find')).toBe(2);
    type Events = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string } }> };
    const parents = (many.body.data as { committees: { edges: Array<{ node: { id: string; events: Events } }> } }).committees.edges.map((edge) => edge.node);
    expect(parents.filter((parent) => parent.events.edges.length > 0).length).toBeGreaterThan(1);
    for (const parent of parents) {
      const own = await graphql(`query ($id: ID!) { committee(id: $id) { events(${page} } }`, { variables: { id: parent.id } });
      expect(own.body.errors).toBeUndefined();
      expect(parent.events, parent.id).toEqual(own.body.data!.committee.events);
    }
    // The next pages agree too.
    const next = parents.find((parent) => parent.events.pageInfo.hasNextPage);
    if (next) {
      const after = JSON.stringify(next.events.pageInfo.endCursor);
      const both = await graphql(`{ committees(first: 30) { edges { node { id events(after: ${after}, ${page} } } } }`);
      const own = await graphql(`query ($id: ID!) { committee(id: $id) { events(after: ${after}, ${page} } }`, { variables: { id: next.id } });
      const mine = (both.body.data as { committees: { edges: Array<{ node: { id: string; events: Events } }> } }).committees.edges.find((edge) => edge.node.id === next.id)!.node.events;
      expect(mine).toEqual(own.body.data!.committee.events);
    }
  });

  it("counts many parents' events in one grouped count, reading none of the events, with the totals their pages give", async () => {
    const before = await byCommand();
    const counted = await graphql('{ committees(first: 100) { edges { node { code events { totalCount } } } } }');
    expect(counted.body.errors).toBeUndefined();
    const sent = await commandsSince(before);
    expect(sent('aggregate')).toBe(1);
    expect(sent('find')).toBe(0);

    // The same totals as the pages' own, from the rows (the seed's committees have fewer than 100 events each).
    const paged = await graphql('{ committees(first: 100) { edges { node { code events(first: 100) { totalCount edges { node { title } } } } } } }');
    expect(paged.body.errors).toBeUndefined();
    type Committees = { committees: { edges: Array<{ node: { code: string; events: { totalCount: number; edges?: unknown[] } } }> } };
    const totals = (data: Committees) => data.committees.edges.map(({ node }) => [node.code, node.events.totalCount]);
    const pages = (paged.body.data as Committees).committees.edges.map(({ node }) => [node.code, node.events.edges!.length]);
    expect(totals(counted.body.data as Committees)).toEqual(pages);
    expect(totals(paged.body.data as Committees)).toEqual(pages);
    expect(pages.some(([, n]) => (n as number) > 0)).toBe(true);
  });
});


/**
 * Reporting tools pull wide pages across subgraphs; each plan step must cost one database query
 * per entity type, not one per row. We count the commands each subgraph sends (driver command
 * monitoring, read from /metrics) for a small page and a large one: they must be equal.
 */
import { Event } from '@hub/events';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseCommands, graphql, hub } from './harness/client.js';

const SUBGRAPHS = ['organization', 'events', 'knowledge'] as const;
const FIXTURE_PREFIX = 'e2e-batching-';

const QUERY = `
  query Wide($first: Int!) {
    committees(first: $first, filter: { level: PROVINCIAL }) {
      totalCount
      edges {
        node {
          code
          parent { code }
          province { name region }
          events(first: 5) {
            totalCount
            edges { node { title organizer { code name } conclusions { number title strategy { code } } participants { role committee { code } } } }
          }
        }
      }
    }
  }
`;

async function commandsFor(first: number) {
  const before = await Promise.all(SUBGRAPHS.map(databaseCommands));
  const result = await graphql(QUERY, { variables: { first } });
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  const after = await Promise.all(SUBGRAPHS.map(databaseCommands));
  const rows = result.body.data!.committees.edges.length as number;
  return { rows, commands: Object.fromEntries(SUBGRAPHS.map((name, i) => [name, after[i]! - before[i]!])) };
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

  it('costs the same for 2 committees as for 60, in every subgraph', async () => {
    const small = await commandsFor(2);
    const large = await commandsFor(60);
    process.stderr.write(`batching: ${small.rows} rows → ${JSON.stringify(small.commands)}; ${large.rows} rows → ${JSON.stringify(large.commands)}\n`);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(60);
    expect(large.commands).toEqual(small.commands);
    // And it is a handful, not zero: the query really reached every subgraph's database.
    for (const name of SUBGRAPHS) expect(small.commands[name]).toBeGreaterThan(0);
  });
});

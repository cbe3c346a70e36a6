/**
 * People editing at the same time through the gateway: no acknowledged edit is ever lost,
 * derived fields (search tokens) always match the record, an editor who passes the version they
 * read is told about someone else's change instead of overwriting it, and a clash or an order
 * mistake is the client's error with the field named — never INTERNAL_SERVER_ERROR.
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';

let client: MongoClient;
let writer: string;

beforeAll(async () => {
  client = await MongoClient.connect(hub().targets.events!.uri);
  writer = await token(['hub:read', 'hub:write']);
});
const created: string[] = [];
afterAll(async () => {
  // Archived records leave lists, so later files (batching counts) see the seeded rows they expect.
  for (const id of created) await write('mutation ($id: ID!) { archiveEvent(id: $id) { id } }', { id });
  await client.close();
});

const write = (query: string, variables?: Record<string, unknown>) => graphql(query, { token: writer, variables });
const sources = ['doc-giao-ban-phia-bac'];

async function newEvent(title: string): Promise<{ id: string; version: number }> {
  const result = await write(
    'mutation ($input: EventInput!) { createEvent(input: $input) { id version } }',
    { input: { title, kind: 'BRIEFING', date: { year: 2024, month: 5 }, organizerId: 'ban-chi-dao-ttdn-tw', sources } },
  );
  expect(result.body.errors).toBeUndefined();
  created.push(result.body.data!.createEvent.id);
  return result.body.data!.createEvent;
}

describe('two editors at once', () => {
  it('keeps both edits of different fields, every time, with search tokens that match the record', async () => {
    for (let trial = 0; trial < 10; trial += 1) {
      const { id } = await newEvent(`Họp thử song song ${trial}`);
      const title = `Hội nghị đồng thời số ${trial}`;
      const location = `Đà Nẵng ${trial}`;
      const [a, b] = await Promise.all([
        write('mutation ($id: ID!, $title: String!) { updateEvent(id: $id, patch: { title: $title }) { id } }', { id, title }),
        write('mutation ($id: ID!, $location: String!) { updateEvent(id: $id, patch: { location: $location }) { id } }', { id, location }),
      ]);
      expect(a.body.errors).toBeUndefined();
      expect(b.body.errors).toBeUndefined();
      const stored = await client.db(hub().targets.events!.dbName).collection('events').findOne({ _id: id as never });
      expect(stored).toMatchObject({ title, location, version: 3 });
      // The tokens come from both edits: a search for either finds the record.
      expect(stored!.searchTokens).toEqual(expect.arrayContaining(['dong', 'thoi', 'da', 'nang']));
      const found = await graphql('query ($s: String!) { events(filter: { search: $s }) { edges { node { id } } } }', { variables: { s: `dong thoi so ${trial}` } });
      expect(found.body.data?.events.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
    }
  });

  it('tells an editor who passes the version they read that someone else changed the record, and writes nothing', async () => {
    const { id, version } = await newEvent('Họp kiểm tra phiên bản');
    expect(version).toBe(1);
    const first = await write('mutation ($id: ID!) { updateEvent(id: $id, patch: { location: "Huế" }, version: 1) { version location } }', { id });
    expect(first.body.data?.updateEvent).toEqual({ version: 2, location: 'Huế' });
    const stale = await write('mutation ($id: ID!) { updateEvent(id: $id, patch: { location: "Hà Nội" }, version: 1) { version } }', { id });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(stale.body.errors?.[0]?.message).toContain('is at version 2, not 1');
    const now = await graphql('query ($id: ID!) { event(id: $id) { location version } }', { variables: { id } });
    expect(now.body.data?.event).toEqual({ location: 'Huế', version: 2 });
  });

  it('lets exactly one of several editors holding the same version win', async () => {
    const { id } = await newEvent('Họp tranh chấp phiên bản');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => write('mutation ($id: ID!, $l: String!) { updateEvent(id: $id, patch: { location: $l }, version: 1) { version } }', { id, l: `Nơi ${i}` })),
    );
    expect(results.filter((r) => r.body.data?.updateEvent).length).toBe(1);
    expect(results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(5);
  });
});

describe('client mistakes are client errors', () => {
  it('answers simultaneous creates of the same name with one record and "already taken" for the rest', async () => {
    const input = { fullName: 'Người Trùng Tên Đồng Thời', sources: ['doc-giao-ban-phia-bac'] };
    const results = await Promise.all(Array.from({ length: 6 }, () => write('mutation ($input: PersonInput!) { createPerson(input: $input) { id } }', { input })));
    const created = results.filter((r) => r.body.data?.createPerson);
    expect(created).toHaveLength(1);
    for (const refused of results.filter((r) => !r.body.data?.createPerson)) {
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.body.errors?.[0]?.message).toBe('input.fullName: "nguoi-trung-ten-dong-thoi" is already taken by another Person');
    }
  });

  it('refuses a position whose end comes before its start, and stores nothing', async () => {
    const person = await write('mutation { createPerson(input: { fullName: "Người Thử Chức Vụ", sources: ["doc-giao-ban-phia-bac"] }) { id } }');
    const personId = person.body.data!.createPerson.id;
    const result = await write(
      'mutation ($input: PositionInput!) { createPosition(input: $input) { id } }',
      { input: { personId, committeeId: 'ban-chi-dao-ttdn-tw', title: 'Ủy viên', role: 'MEMBER', since: { year: 2021 }, until: { year: 2019, month: 6 }, sources: ['doc-giao-ban-phia-bac'] } },
    );
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.message).toContain('input.until: is 2019-06, before since (2021)');
    const people = await graphql('query ($id: ID!) { person(id: $id) { positions { id } } }', { variables: { id: personId } });
    expect(people.body.data?.person.positions).toEqual([]);
  });

  it('writes nothing and leaves editedAt alone for an update that changes nothing', async () => {
    const before = await graphql('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { title editedAt version } }');
    const { title } = before.body.data!.event;
    const same = await write('mutation ($title: String!) { updateEvent(id: "giao-ban-ttdn-khu-vuc-phia-bac", patch: { title: $title }) { editedAt version } }', { title });
    expect(same.body.errors).toBeUndefined();
    expect(same.body.data?.updateEvent).toEqual({ editedAt: before.body.data!.event.editedAt, version: before.body.data!.event.version });
  });

  it('refuses to clear a required field with null, naming it', async () => {
    const result = await write('mutation { updateEvent(id: "giao-ban-ttdn-khu-vuc-phia-bac", patch: { title: null, kind: null, date: null }) { id } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.message).toContain('patch.title: is required and cannot be cleared');
    expect(result.body.errors?.[0]?.message).toContain('patch.kind');
    const after = await graphql('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { editedAt } }');
    expect(after.body.data?.event.editedAt).toBeNull();
  });
});

describe('paging tells the truth', () => {
  it("refuses a cursor from another list, naming both", async () => {
    const people = await graphql('{ people(first: 2) { pageInfo { endCursor } } }');
    const cursor = people.body.data!.people.pageInfo.endCursor;
    const events = await graphql('query ($after: String) { events(first: 2, after: $after) { edges { node { id } } } }', { variables: { after: cursor } });
    expect(events.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(events.body.errors?.[0]?.message).toContain('after: is a cursor of another list (Person.');
  });

  it('says there is a next page when asked for none of many', async () => {
    const result = await graphql('{ committees(first: 0) { totalCount edges { node { id } } pageInfo { hasNextPage } } }');
    expect(result.body.data?.committees.edges).toEqual([]);
    expect(result.body.data?.committees.totalCount).toBeGreaterThan(20);
    expect(result.body.data?.committees.pageInfo.hasNextPage).toBe(true);
  });
});

/**
 * Writes through the gateway: only with hub:write, every bad input refused with a
 * BAD_USER_INPUT error naming the field and nothing stored changed, archives that keep
 * references whole, and a seed re-run that never overwrites what a user edited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { applySeed } from '@hub/seed';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { haveSourceDocuments, SOURCE_DOCUMENTS_DIR } from './harness/source-documents.js';

let client: MongoClient;
let writer: string;

beforeAll(async () => {
  client = await MongoClient.connect(hub().targets.organization!.uri);
  writer = await token(['hub:read', 'hub:write']);
});
afterAll(async () => {
  await client.close();
});

/** Every document of every hub database, to prove a refused write changed nothing. */
async function snapshot(): Promise<string> {
  const all: Record<string, unknown> = {};
  for (const { dbName } of Object.values(hub().targets)) {
    const db = client.db(dbName);
    for (const { name } of await db.listCollections().toArray()) {
      all[`${dbName}.${name}`] = await db.collection(name).find().sort({ _id: 1 }).toArray();
    }
  }
  return JSON.stringify(all);
}

const write = (query: string, variables?: Record<string, unknown>) => graphql(query, { token: writer, variables });

describe('who may write', () => {
  it('refuses a mutation from an anonymous reader with 403, before any subgraph', async () => {
    const result = await graphql('mutation { archiveEvent(id: "giao-ban-ttdn-khu-vuc-phia-bac") { id } }');
    expect(result.status).toBe(403);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toContain('hub:write');
  });

  it('refuses a mutation from a reader token with 403', async () => {
    const result = await graphql('mutation { archiveEvent(id: "giao-ban-ttdn-khu-vuc-phia-bac") { id } }', { token: await token(['hub:read']) });
    expect(result.status).toBe(403);
  });
});

describe('bad input is refused, naming the field, with nothing written', () => {
  const createEvent = `mutation ($input: EventInput!) { createEvent(input: $input) { id } }`;
  const goodEvent = { title: 'Giao ban thử', kind: 'BRIEFING', date: { year: 2024, month: 3 }, organizerId: 'ban-chi-dao-ttdn-tw', sources: ['doc-giao-ban-phia-bac'] };

  it.each([
    ['an empty title', { ...goodEvent, title: '   ' }, 'input.title', 'must not be empty'],
    ['month 13', { ...goodEvent, date: { year: 2024, month: 13 } }, 'input.date', 'month 13 is not from 1 to 12'],
    ['30 February', { ...goodEvent, date: { year: 2024, month: 2, day: 30 } }, 'input.date', 'day 30 does not exist in month 2 of 2024'],
    ['an organizer that does not exist (owned by organization)', { ...goodEvent, organizerId: 'no-such-committee' }, 'input.organizerId', 'no Committee "no-such-committee" exists in the organization subgraph'],
    ['a conclusion that does not exist (owned by knowledge)', { ...goodEvent, conclusionIds: ['99-kl-tw'] }, 'input.conclusionIds', 'no Conclusion "99-kl-tw" exists in the knowledge subgraph'],
    ['a participant who does not exist', { ...goodEvent, participants: [{ role: 'CHAIR', personId: 'nobody' }] }, 'input.participants.personId', 'no Person "nobody"'],
    ['no sources', { ...goodEvent, sources: [] }, 'input.sources', 'at least one source document'],
    ['a duplicate natural key', { ...goodEvent, code: 'giao-ban-ttdn-khu-vuc-phia-bac' }, 'input.code', 'already taken'],
  ])('createEvent with %s', async (_, input, field, message) => {
    const before = await snapshot();
    const result = await write(createEvent, { input });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.body.errors?.[0]?.message).toContain(message);
    expect(await snapshot()).toBe(before);
  });

  it('an unknown enum value or a wrong type is refused by the schema (400)', async () => {
    const before = await snapshot();
    const wrongKind = await write(createEvent, { input: { ...goodEvent, kind: 'PARTY' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.[0]?.message).toContain('PARTY');
    const wrongType = await write(createEvent, { input: { ...goodEvent, date: { year: 'two thousand' } } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.message).toContain('year');
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['a committee with an empty name', 'mutation { createCommittee(input: { code: "x-test", name: "", level: CENTRAL, sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.name'],
    ['a provincial committee without a province', 'mutation { createCommittee(input: { code: "x-test", name: "Ban X", level: PROVINCIAL, sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.provinceCode'],
    ['an agency whose source does not exist (owned by knowledge)', 'mutation { createAgency(input: { code: "x-test", name: "Sở X", kind: DEPARTMENT, sources: ["no-such-doc"] }) { id } }', 'input.sources'],
    ['a position in both a committee and an agency', 'mutation { createPosition(input: { personId: "pham-van-linh", title: "Ủy viên", role: MEMBER, committeeId: "ban-chi-dao-ttdn-tw", agencyId: "bo-chinh-tri", sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.committeeId'],
    ['a position of a person who does not exist', 'mutation { createPosition(input: { personId: "nobody", title: "Ủy viên", role: MEMBER, committeeId: "ban-chi-dao-ttdn-tw", sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.personId'],
    ['a strategy that ends before it starts', 'mutation { createStrategy(input: { code: "x-test", title: "X", startYear: 2030, endYear: 2021, sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.endYear'],
    ['a conclusion whose number is taken', 'mutation { createConclusion(input: { number: "57-KL/TW", title: "X", sources: ["doc-giao-ban-phia-bac"] }) { id } }', 'input.number'],
    ['an update of a record that does not exist', 'mutation { updatePerson(id: "nobody", patch: { fullName: "X" }) { id } }', 'id'],
    ['a document in a made-up language', 'mutation { createDocument(input: { title: "Bản tin", language: "vietnamese" }) { id } }', 'input.language'],
  ])('%s', async (_, mutation, field) => {
    const before = await snapshot();
    const result = await write(mutation);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.field).toBe(field);
    expect(await snapshot()).toBe(before);
  });
});

describe('writes that succeed', () => {
  // Source documents as data: a user takes in a report's text; search then finds it without diacritics.
  it.skipIf(!haveSourceDocuments)('takes in a source document\'s text from a file and finds it by its words', async () => {
    const file = '004_b546b864875840e6.txt';
    const text = readFileSync(join(SOURCE_DOCUMENTS_DIR, file), 'utf8');
    const result = await write('mutation ($input: DocumentInput!) { createDocument(input: $input) { id title language origin } }', {
      input: { code: 'e2e-imported-report', title: 'Bản tin nhập từ tệp', text, origin: file, topics: [] },
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.createDocument).toEqual({ id: 'e2e-imported-report', title: 'Bản tin nhập từ tệp', language: 'vi', origin: file });
    const { body } = await graphql('{ documents(filter: { search: "diem cau truc tuyen" }) { edges { node { id } } } }');
    expect(body.data?.documents.edges.map((e: { node: { id: string } }) => e.node.id)).toContain('e2e-imported-report');
  });

  it('creates a person, a position and an event that link across subgraphs', async () => {
    const person = await write('mutation { createPerson(input: { fullName: "Nguyễn Thị Thử", sources: ["doc-giao-ban-phia-bac"] }) { id fullName } }');
    expect(person.body.errors).toBeUndefined();
    expect(person.body.data?.createPerson).toEqual({ id: 'nguyen-thi-thu', fullName: 'Nguyễn Thị Thử' });

    const position = await write(`mutation { createPosition(input: { personId: "nguyen-thi-thu", title: "Ủy viên", role: MEMBER,
      committeeId: "ban-chi-dao-ttdn-ha-noi", since: { year: 2024, month: 1 }, sources: ["doc-giao-ban-phia-bac"] }) { id committee { code } since { year month } } }`);
    expect(position.body.errors).toBeUndefined();
    expect(position.body.data?.createPosition.committee.code).toBe('ban-chi-dao-ttdn-ha-noi');

    const event = await write(`mutation { createEvent(input: { code: "e2e-giao-ban-2024", title: "Giao ban thử nghiệm", kind: BRIEFING, date: { year: 2024, month: 3 },
      organizerId: "ban-chi-dao-ttdn-ha-noi", participants: [{ role: CHAIR, personId: "nguyen-thi-thu", title: "Ủy viên" }],
      tasks: ["Kiểm tra"], conclusionIds: ["57-kl-tw"], sources: ["doc-giao-ban-phia-bac"] }) { id } }`);
    expect(event.body.errors).toBeUndefined();

    const { body } = await graphql('{ person(id: "nguyen-thi-thu") { positions(activeOn: "2024-06-01") { title } events { edges { node { id organizer { name } } } } } }');
    expect(body.data?.person.positions).toEqual([{ title: 'Ủy viên' }]);
    expect(body.data?.person.events.edges).toEqual([{ node: { id: 'e2e-giao-ban-2024', organizer: { name: expect.stringContaining('Hà Nội') } } }]);
  });

  it('archives an event: it leaves the lists but still resolves by id and by reference', async () => {
    const archived = await write('mutation { archiveEvent(id: "e2e-giao-ban-2024") { id } }');
    expect(archived.body.errors).toBeUndefined();
    const { body } = await graphql(`{
      event(id: "e2e-giao-ban-2024") { id title }
      events(filter: { year: 2024 }) { edges { node { id } } }
      conclusion(number: "57-KL/TW") { events { id } }
    }`);
    expect(body.data?.event).toEqual({ id: 'e2e-giao-ban-2024', title: 'Giao ban thử nghiệm' });
    expect(body.data?.events.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain('e2e-giao-ban-2024');
    expect(body.data?.conclusion.events.map((e: { id: string }) => e.id)).not.toContain('e2e-giao-ban-2024');
  });

  it('keeps a user\'s edit when the seed runs again, and the seed changes nothing else', async () => {
    const edited = await write('mutation { updateCommittee(id: "ban-chi-dao-ttdn-tw", patch: { nameEn: "Central Steering Committee (edited)" }) { nameEn } }');
    expect(edited.body.errors).toBeUndefined();
    const results = await applySeed({ targets: hub().targets, log: createLogger('seed', { level: 'error', format: 'pretty' }) });
    const total = (key: 'inserted' | 'updated' | 'kept') => results.reduce((sum, r) => sum + r[key], 0);
    expect(total('inserted')).toBe(0);
    expect(total('updated')).toBe(0);
    expect(total('kept')).toBeGreaterThanOrEqual(1);
    const { body } = await graphql('{ committee(code: "ban-chi-dao-ttdn-tw") { nameEn } }');
    expect(body.data?.committee.nameEn).toBe('Central Steering Committee (edited)');
  });

  it('recomputes an edited record\'s search tokens when the seed runs again, leaving the edit and the version as they are', async () => {
    const edited = await write('mutation { updateCommittee(id: "ban-chi-dao-ttdn-ha-tinh", patch: { nameEn: "Hà Tĩnh committee (edited)" }) { version } }');
    expect(edited.body.errors).toBeUndefined();
    // As a record stored before search tokens held adjacent pairs: words only.
    const committees = client.db(hub().targets.organization!.dbName).collection<{ _id: string; searchTokens: string[]; editedAt?: Date }>('committees');
    const stored = (await committees.findOne({ _id: 'ban-chi-dao-ttdn-ha-tinh' }))!;
    await committees.updateOne({ _id: stored._id }, { $set: { searchTokens: stored.searchTokens.filter((token) => !token.includes(' ')) } });
    const phrase = '{ committees(filter: { search: "\\"ha tinh\\"" }) { totalCount edges { node { id nameEn version } } } }';
    expect((await graphql(phrase)).body.data?.committees.totalCount).toBe(0);

    const results = await applySeed({ targets: hub().targets, log: createLogger('seed', { level: 'error', format: 'pretty' }) });
    expect(results.find((r) => r.collection === 'committees')?.rederived).toBeGreaterThanOrEqual(1);
    const { body } = await graphql(phrase);
    expect(body.data?.committees.edges).toEqual([{ node: { id: 'ban-chi-dao-ttdn-ha-tinh', nameEn: 'Hà Tĩnh committee (edited)', version: edited.body.data?.updateCommittee.version } }]);
    expect((await committees.findOne({ _id: stored._id }))?.editedAt).toEqual(stored.editedAt);
    // A second run has nothing left to recompute.
    const again = await applySeed({ targets: hub().targets, log: createLogger('seed', { level: 'error', format: 'pretty' }) });
    expect(again.reduce((sum, r) => sum + r.rederived, 0)).toBe(0);
  });

  it('records another written form of a committee\'s name, checked like the seed\'s, and finds the committee by it', async () => {
    const before = await snapshot();
    const refused = await write(`mutation { updateCommittee(id: "ban-chi-dao-ttdn-quang-tri", patch: { nameForms: [
      { form: "BCĐ Quảng Trị", source: "doc-khong-co", passage: "Ban Chỉ đạo tỉnh" },
      { form: "BCĐ", source: "doc-thua-thien-hue-2018", passage: "BCĐ họp", except: ["các tỉnh"] }
    ] }) { id } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const message = refused.body.errors?.[0]?.message ?? '';
    expect(message).toContain('patch.nameForms[0].passage: must be the source\'s words around the form and contain "BCĐ Quảng Trị"');
    expect(message).toContain('patch.nameForms[1].except: "các tỉnh" must be a longer phrase that begins with the form "BCĐ"');
    expect(message).toContain('no SourceDocument "doc-khong-co" exists');
    expect(await snapshot()).toEqual(before);

    const taken = await write(`mutation { updateCommittee(id: "ban-chi-dao-ttdn-quang-tri", patch: { nameForms: [
      { form: "BCĐ Quảng Trị", source: "doc-thua-thien-hue-2018", passage: "họp BCĐ Quảng Trị" }
    ] }) { nameForms { form passage onlyInSource except source { id } } } }`);
    expect(taken.body.errors).toBeUndefined();
    expect(taken.body.data?.updateCommittee.nameForms).toEqual([{ form: 'BCĐ Quảng Trị', passage: 'họp BCĐ Quảng Trị', onlyInSource: false, except: [], source: { id: 'doc-thua-thien-hue-2018' } }]);
    const found = await graphql('{ committees(filter: { search: "\\"bcd quang tri\\"" }) { edges { node { id } } } }');
    expect(found.body.data?.committees.edges).toEqual([{ node: { id: 'ban-chi-dao-ttdn-quang-tri' } }]);
  });
});

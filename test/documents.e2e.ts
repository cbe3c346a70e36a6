/**
 * Analysts read and search the source documents themselves: `hub documents import` takes the
 * five articles in (filling in the seeded documents' text, never a second record, and changing
 * nothing the second time), and search then finds words without diacritics, quoted phrases in
 * order, best first, with the passage that matched. Bad files and bad queries are named.
 * Reads ../shared/seed-documents; says so and skips when it is absent.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { applySeed } from '@hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { hubJson } from './harness/hub-command.js';
import { facts } from '@hub/seed';
import { foldedWords, containsPhrase } from '@hub/kit';
import { haveSourceDocuments, SOURCE_DOCUMENTS_DIR } from './harness/source-documents.js';

let writer: string;
let folder: string;

/** `hub … --json` as the analyst's writer token: the harness's runner. */
const hubCommand = (...args: string[]) => hubJson(writer, ...args);

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id).sort();

beforeAll(async () => {
  writer = await token(['hub:read', 'hub:write']);
  folder = await mkdtemp(join(tmpdir(), 'hub-documents-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.skipIf(!haveSourceDocuments)('the five source documents, imported and searched', () => {
  it('fills in the seeded documents\' text the first time, and changes nothing the second', async () => {
    const first = await hubCommand('documents', 'import', SOURCE_DOCUMENTS_DIR);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(5).fill('TEXT_ADDED'));
    const second = await hubCommand('documents', 'import', SOURCE_DOCUMENTS_DIR);
    expect(second.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(5).fill('UNCHANGED'));
    const { body } = await graphql('{ documents(first: 100) { totalCount edges { node { id text } } } }');
    expect(body.data?.documents.edges.filter((e: { node: { text: string | null } }) => e.node.text).length).toBeGreaterThanOrEqual(5);
  });

  it('leaves the documents to the seed: a seed run after the import keeps their text and still owns their curated fields', async () => {
    const results = await applySeed({ targets: hub().targets, log: createLogger('seed', { level: 'error', format: 'pretty' }) });
    const documents = results.find((result) => result.collection === 'documents');
    expect(documents, JSON.stringify(results)).toBeDefined();
    // Importing text is not an edit: nothing is "kept as edited", and nothing changed either.
    expect(documents).toMatchObject({ updated: 0, kept: 0 });
    const { body } = await graphql('{ document(id: "doc-thua-thien-hue-2018") { editedAt text } }');
    expect(body.data?.document.editedAt).toBeNull();
    expect(body.data?.document.text).toContain('nước bạn Lào');
  });

  it('finds words in the text without diacritics', async () => {
    const lao = await graphql('{ documents(filter: { search: "lao" }) { edges { node { id } } } }');
    expect(ids(lao.body.data!.documents)).toContain('doc-thua-thien-hue-2018');
    const conclusion = await graphql('{ documents(filter: { search: "ket luan" }) { edges { node { id } } } }');
    expect(ids(conclusion.body.data!.documents)).toEqual(expect.arrayContaining(['doc-hoi-nghi-toan-quoc-ket-luan-57', 'doc-so-ket-6-thang-dau-nam-2020']));
  });

  it('matches a quoted phrase only in order, and ranks with a snippet of the passage', async () => {
    const { body } = await graphql('{ searchDocuments(query: "\\"bao chi nuoc ngoai\\"") { totalCount edges { node { score snippet document { id } } } } }');
    const hits = body.data!.searchDocuments.edges.map((edge: { node: { score: number; snippet: string; document: { id: string } } }) => edge.node);
    expect(hits.map((hit: { document: { id: string } }) => hit.document.id).sort()).toEqual(['doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020']);
    for (const hit of hits) expect(hit.snippet).toMatch(/báo chí nước ngoài/i);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    const phrase = await graphql('{ documents(filter: { search: "\\"nuoc ngoai bao chi\\"" }) { totalCount } }');
    expect(phrase.body.data?.documents.totalCount).toBe(0);
  });

  it('lists the records each document names, and each record the documents that name it', async () => {
    const { body } = await graphql(`{
      review: document(id: "doc-so-ket-6-thang-dau-nam-2020") { mentions { kind name count person { fullName } agency { name } strategy { code } } }
      conference: document(id: "doc-hoi-nghi-toan-quoc-ket-luan-57") { mentions { kind name conclusion { number } agency { name } } }
      hue: document(id: "doc-thua-thien-hue-2018") { mentions { kind province { name } } }
      person(id: "vo-van-thuong") { mentionedIn { id } }
      conclusion(number: "57-KL/TW") { mentionedIn { id } }
      province(code: "thua-thien-hue") { mentionedIn { id } }
    }`);
    expect(body.errors).toBeUndefined();
    const { review, conference, hue } = body.data!;
    expect(review.mentions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PERSON', person: { fullName: 'Võ Văn Thưởng' } }), expect.objectContaining({ kind: 'AGENCY', agency: { name: 'Ban Tuyên giáo Trung ương' } })]));
    expect(review.mentions.find((m: { kind: string }) => m.kind === 'PERSON').count).toBeGreaterThanOrEqual(2);
    expect(conference.mentions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'CONCLUSION', conclusion: { number: '57-KL/TW' } }), expect.objectContaining({ kind: 'AGENCY', agency: { name: 'Bộ Công an' } })]));
    expect(hue.mentions).toEqual(expect.arrayContaining([{ kind: 'PROVINCE', province: { name: 'Thừa Thiên Huế' } }]));
    expect(body.data!.person.mentionedIn.map((d: { id: string }) => d.id)).toContain('doc-so-ket-6-thang-dau-nam-2020');
    expect(body.data!.conclusion.mentionedIn.map((d: { id: string }) => d.id)).toContain('doc-hoi-nghi-toan-quoc-ket-luan-57');
    expect(body.data!.province.mentionedIn.map((d: { id: string }) => d.id)).toContain('doc-thua-thien-hue-2018');
  });

  it('finds the main bodies however each document writes their names, each place counted once', async () => {
    const { body } = await graphql(`{
      briefing: document(id: "doc-giao-ban-phia-bac") { text mentions { kind key: name count committee { id } agency { id } } }
      hanoi: document(id: "doc-ha-noi-thong-tin-doi-ngoai") { mentions { count committee { id } agency { id } } }
      review: document(id: "doc-so-ket-6-thang-dau-nam-2020") { text mentions { count committee { id } } }
      hue: document(id: "doc-thua-thien-hue-2018") { text mentions { count committee { id } agency { id } } }
      conference: document(id: "doc-hoi-nghi-toan-quoc-ket-luan-57") { text mentions { count committee { id } agency { id } } }
      central: committee(id: "ban-chi-dao-ttdn-tw") { mentionedIn { id } nameForms { form onlyInSource source { id } } }
      hueCommittee: committee(id: "ban-chi-dao-ttdn-thua-thien-hue") { mentionedIn { id } }
      propaganda: agency(id: "ban-tuyen-giao-tw") { mentionedIn { id } }
    }`);
    expect(body.errors).toBeUndefined();
    const d = body.data!;
    const countOf = (document: { mentions: Array<{ count: number; committee: { id: string } | null; agency?: { id: string } | null }> }, id: string) =>
      document.mentions.find((m) => m.committee?.id === id || m.agency?.id === id)?.count ?? 0;
    // 000: "Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư" four times, plus Võ Văn Phuông's title
    // without "T.Ư"; the three "… các tỉnh, thành phố" are the provincial committees.
    expect(countOf(d.briefing, 'ban-chi-dao-ttdn-tw')).toBe(5);
    expect(countOf(d.briefing, 'ban-tuyen-giao-tw')).toBe(2);
    // 004: three times without "Trung ương" and once "Ban Chỉ đạo ở Trung ương"; "… từ Trung
    // ương đến cơ sở" (every level) is not counted.
    expect(countOf(d.conference, 'ban-chi-dao-ttdn-tw')).toBe(4);
    // 003 is about the Huế committee's meeting: its seven "Ban Chỉ đạo" are that committee.
    expect(countOf(d.hue, 'ban-chi-dao-ttdn-thua-thien-hue')).toBe(7);
    expect(countOf(d.hue, 'ban-thuong-vu-tinh-uy-thua-thien-hue')).toBe(2);
    expect(countOf(d.hanoi, 'ban-chi-dao-ttdn-ha-noi')).toBe(1);
    // The bare "Ban Chỉ đạo" names the Huế committee in 003 only, never the central one there.
    expect(countOf(d.hue, 'ban-chi-dao-ttdn-tw')).toBe(0);
    expect(d.central.mentionedIn.map((doc: { id: string }) => doc.id)).toEqual(
      expect.arrayContaining(['doc-giao-ban-phia-bac', 'doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020', 'doc-hoi-nghi-toan-quoc-ket-luan-57']),
    );
    expect(d.central.mentionedIn.map((doc: { id: string }) => doc.id)).not.toContain('doc-thua-thien-hue-2018');
    expect(d.hueCommittee.mentionedIn.map((doc: { id: string }) => doc.id)).toEqual(['doc-thua-thien-hue-2018']);
    expect(d.propaganda.mentionedIn.map((doc: { id: string }) => doc.id)).toContain('doc-giao-ban-phia-bac');
    expect(d.central.nameForms).toEqual(expect.arrayContaining([{ form: 'Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư', onlyInSource: false, source: { id: 'doc-giao-ban-phia-bac' } }]));
  });

  it('takes every name form from a passage its document really has', async () => {
    const texts = new Map(await Promise.all(facts.documents.map(async (document) => [document.id, foldedWords(await readFile(join(SOURCE_DOCUMENTS_DIR, document.file), 'utf8'))] as const)));
    const forms = [...facts.committees, ...facts.agencies].flatMap((record) => (record.nameForms ?? []).map((nameForm) => ({ id: record.id, ...nameForm })));
    expect(forms.length).toBeGreaterThan(5);
    for (const nameForm of forms) {
      expect(containsPhrase(texts.get(nameForm.source)!, foldedWords(nameForm.passage)), `${nameForm.id}: ${nameForm.passage}`).toBe(true);
      for (const phrase of nameForm.except ?? []) expect(containsPhrase(texts.get(nameForm.source)!, foldedWords(phrase)), `${nameForm.id}: ${phrase}`).toBe(true);
    }
  });

  it('stores the articles without the site\'s furniture', async () => {
    const { body } = await graphql('{ a: document(id: "doc-thua-thien-hue-2018") { text } b: document(id: "doc-hoi-nghi-toan-quoc-ket-luan-57") { text } c: document(id: "doc-so-ket-6-thang-dau-nam-2020") { text } }');
    for (const { text } of Object.values(body.data!) as Array<{ text: string }>) {
      for (const furniture of ['Xem nhiều nhất', 'Thống kê truy cập', 'Hotline', 'Liên kết website', 'Các tin khác', 'Gửi cho bạn bè', 'Tổng số:']) expect(text).not.toContain(furniture);
    }
    expect(body.data!.a.text).toMatch(/Hồng Nga - Ban Tuyên giáo Tỉnh ủy Thừa Thiên Huế$/);
    expect(body.data!.c.text).toMatch(/Hay Nguyễn$/);
  });

  it('ranks the documents with the words side by side in order first, with that passage as snippet', async () => {
    const search = async (query: string) => {
      const { body } = await graphql('query ($q: String!) { searchDocuments(query: $q) { edges { node { score snippet document { id } } } } }', { variables: { q: query } });
      expect(body.errors).toBeUndefined();
      return body.data!.searchDocuments.edges.map((edge: { node: { score: number; snippet: string; document: { id: string } } }) => edge.node) as Array<{ score: number; snippet: string; document: { id: string } }>;
    };
    const show = (query: string, hits: Array<{ score: number; document: { id: string } }>) =>
      process.stdout.write(`ranking "${query}": ${hits.map((hit) => `${hit.document.id} ${hit.score}`).join(', ')}\n`);
    const press = await search('báo chí nước ngoài');
    show('báo chí nước ngoài', press);
    expect(press.slice(0, 2).map((hit) => hit.document.id).sort()).toEqual(['doc-ha-noi-thong-tin-doi-ngoai', 'doc-so-ket-6-thang-dau-nam-2020']);
    for (const hit of press.slice(0, 2)) expect(hit.snippet).toContain('báo chí nước ngoài');
    // The three without "báo chí" (only "Báo cáo", "Chỉ đạo", "nước ngoài") far below.
    for (const hit of press.slice(2)) expect(hit.score * 5).toBeLessThan(press[1]!.score);
    const communication = await search('truyền thông đối ngoại');
    show('truyền thông đối ngoại', communication);
    expect(communication[0]!.document.id).toBe('doc-so-ket-6-thang-dau-nam-2020');
    expect(communication[0]!.snippet).toContain('truyền thông đối ngoại');
    const people = await search('đối ngoại nhân dân');
    show('đối ngoại nhân dân', people);
    expect(people[0]!.document.id).toBe('doc-thua-thien-hue-2018');
    expect(people[0]!.snippet).toContain('đối ngoại nhân dân');
  });

  it('refuses a cursor of another query\'s results, naming the argument', async () => {
    const first = await graphql('{ searchDocuments(query: "thong tin doi ngoai", first: 1) { pageInfo { endCursor hasNextPage } } }');
    const cursor = first.body.data!.searchDocuments.pageInfo.endCursor as string;
    expect(first.body.data!.searchDocuments.pageInfo.hasNextPage).toBe(true);
    const same = await graphql('query ($after: String) { searchDocuments(query: "Thông tin đối ngoại", first: 1, after: $after) { edges { node { document { id } } } } }', { variables: { after: cursor } });
    expect(same.body.errors).toBeUndefined();
    expect(same.body.data!.searchDocuments.edges).toHaveLength(1);
    const other = await graphql('query ($after: String) { searchDocuments(query: "ket luan", after: $after) { totalCount } }', { variables: { after: cursor } });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.body.errors?.[0]?.message).toContain('after: is a cursor of another list');
    expect(other.body.errors?.[0]?.message).toContain('"ket luan"');
  });

  it('refuses a malformed phrase, naming the argument', async () => {
    const { body } = await graphql('{ searchDocuments(query: "\\"bao chi") { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('query: has an unmatched quote');
  });
});

describe('quoted phrases on every list', () => {
  it('keeps only the events with the words side by side', async () => {
    const { body } = await graphql('{ quoted: events(filter: { search: "\\"giao ban\\"" }, first: 100) { totalCount edges { node { id title tasks } } } loose: events(filter: { search: "giao ban" }) { totalCount } }');
    expect(body.errors).toBeUndefined();
    const events = body.data!.quoted.edges.map((edge: { node: { id: string; title: string; tasks: string[] } }) => edge.node);
    expect(events.map((event: { id: string }) => event.id)).toContain('giao-ban-ttdn-khu-vuc-phia-bac');
    expect(body.data!.quoted.totalCount).toBe(events.length);
    expect(body.data!.quoted.totalCount).toBeLessThan(body.data!.loose.totalCount);
    // Every event kept writes "giao ban" (the mid-2020 review's tasks speak of "cơ chế giao ban định kỳ").
    for (const event of events) expect([event.title, ...event.tasks].some((text: string) => containsPhrase(foldedWords(text), ['giao', 'ban'])), event.id).toBe(true);
  });

  it('keeps only the committees with the words side by side, paged and counted at the database', async () => {
    const { body } = await graphql('{ quoted: committees(filter: { search: "\\"ha tinh\\"" }) { totalCount edges { node { id } } } loose: committees(filter: { search: "ha tinh" }) { totalCount } paged: committees(filter: { search: "\\"thong tin doi ngoai tinh\\"" }, first: 2) { totalCount pageInfo { hasNextPage } } }');
    expect(body.errors).toBeUndefined();
    expect(ids(body.data!.quoted)).toEqual(['ban-chi-dao-ttdn-ha-tinh']);
    expect(body.data!.quoted.totalCount).toBe(1);
    expect(body.data!.loose.totalCount).toBeGreaterThan(1);
    // 58 provinces are "tỉnh" (the five centrally-run cities are "thành phố").
    expect(body.data!.paged.totalCount).toBe(58);
    expect(body.data!.paged.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ['committees', '{ committees(filter: { search: "\\"ha noi" }) { totalCount } }'],
    ['people', '{ people(filter: { search: "\\"pham van" }) { totalCount } }'],
    ['agencies', '{ agencies(filter: { search: "\\"tuyen giao" }) { totalCount } }'],
    ['events', '{ events(filter: { search: "\\"giao ban" }) { totalCount } }'],
    ['a committee\'s events', '{ committee(id: "ban-chi-dao-ttdn-tw") { events(filter: { search: "\\"giao ban" }) { totalCount } } }'],
    ['documents', '{ documents(filter: { search: "\\"bao chi" }) { totalCount } }'],
  ])('refuses an unclosed quote on %s, naming the argument', async (_, query) => {
    const { body } = await graphql(query);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('filter.search: has an unmatched quote');
  });

  it('finds a conclusion by its number however it is spaced or cased', async () => {
    const { body } = await graphql('{ spaced: conclusion(number: "57- KL/TW") { id } lower: conclusion(number: "57-kl/tw") { id } none: conclusion(number: "58-KL/TW") { id } }');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ spaced: { id: '57-kl-tw' }, lower: { id: '57-kl-tw' }, none: null });
  });
});

describe('importing articles of one\'s own', () => {
  it('adds a new article, findable at once; a second import changes nothing', async () => {
    const file = join(folder, 'bai-viet-moi.md');
    await writeFile(file, '# Hội thảo về truyền thông đối ngoại tại Đà Nẵng\n\nThứ Sáu, 3/11/2023\n\nNội dung bài viết thử nghiệm về hợp tác với Campuchia; đồng chí Phạm Văn Linh dự.\n');
    const first = await hubCommand('documents', 'import', file);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.results[0]).toMatchObject({ outcome: 'CREATED' });
    const id = first.json.results[0].id as string;
    const found = await graphql('query ($id: ID!) { document(id: $id) { title publishedOn { iso } } documents(filter: { search: "campuchia" }) { edges { node { id } } } }', { variables: { id } });
    expect(found.body.data?.document).toEqual({ title: 'Hội thảo về truyền thông đối ngoại tại Đà Nẵng', publishedOn: { iso: '2023-11-03' } });
    expect(ids(found.body.data!.documents)).toContain(id);
    expect((await hubCommand('documents', 'import', file)).json.results[0].outcome).toBe('UNCHANGED');
    // Linked the moment it arrives: the person it names lists it.
    const linked = await graphql('{ person(id: "pham-van-linh") { mentionedIn { id } } }');
    expect(linked.body.data?.person.mentionedIn.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('updates the stored text when the extraction changed, never a second record, and relinks the same text to names learnt since', async () => {
    const file = join(folder, 'hoi-nghi-quang-tri.txt');
    await writeFile(file, 'Hội nghị thông tin đối ngoại tại Quảng Trị\n\nBCĐ tỉnh họp ngày 5/3.\n');
    const created = await hubCommand('documents', 'import', file);
    expect(created.json.results[0].outcome).toBe('CREATED');
    const id = created.json.results[0].id as string;
    const count = async () => (await graphql('{ documents { totalCount } }')).body.data?.documents.totalCount as number;
    const before = await count();
    // The same article saved again with the site's furniture and one more sentence.
    await writeFile(file, 'Hội nghị thông tin đối ngoại tại Quảng Trị\n\nBCĐ tỉnh họp ngày 5/3. BCĐ tỉnh giao nhiệm vụ.\n\nXem nhiều nhất\nTin khác về du lịch\n');
    const changed = await hubCommand('documents', 'import', file);
    expect(changed.json.results[0]).toMatchObject({ outcome: 'TEXT_ADDED', id });
    expect(await count()).toBe(before);
    const stored = await graphql('query ($id: ID!) { document(id: $id) { text mentions { committee { id } } } }', { variables: { id } });
    expect(stored.body.data?.document.text).toBe('Hội nghị thông tin đối ngoại tại Quảng Trị\n\nBCĐ tỉnh họp ngày 5/3. BCĐ tỉnh giao nhiệm vụ.');
    expect(stored.body.data?.document.mentions.map((m: { committee: { id: string } | null }) => m.committee?.id)).not.toContain('ban-chi-dao-ttdn-quang-tri');

    // The hub learns that this article writes the Quảng Trị committee "BCĐ tỉnh".
    const learnt = await graphql(
      `mutation ($id: ID!) { updateCommittee(id: "ban-chi-dao-ttdn-quang-tri", patch: { nameForms: [{ form: "BCĐ tỉnh", source: $id, passage: "BCĐ tỉnh họp ngày 5/3", onlyInSource: true }] }) { id } }`,
      { token: writer, variables: { id } },
    );
    expect(learnt.body.errors).toBeUndefined();
    const relinked = await hubCommand('documents', 'import', file);
    expect(relinked.json.results[0]).toMatchObject({ outcome: 'MENTIONS_UPDATED', id });
    const linked = await graphql('{ committee(id: "ban-chi-dao-ttdn-quang-tri") { mentionedIn { id } } }');
    expect(linked.body.data?.committee.mentionedIn.map((d: { id: string }) => d.id)).toEqual([id]);
    const mention = await graphql('query ($id: ID!) { document(id: $id) { mentions { count committee { id } } } }', { variables: { id } });
    expect(mention.body.data?.document.mentions).toContainEqual({ count: 2, committee: { id: 'ban-chi-dao-ttdn-quang-tri' } });
    expect((await hubCommand('documents', 'import', file)).json.results[0].outcome).toBe('UNCHANGED');
  });

  it('refuses a file that is not text, and an unknown date form, storing nothing', async () => {
    const binary = join(folder, 'anh.txt');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const before = (await graphql('{ documents { totalCount } }')).body.data?.documents.totalCount;
    const refused = await hubCommand('documents', 'import', binary);
    expect(refused.code).toBe(1);
    expect(refused.json.results[0].error).toContain('is not text');
    const badDate = await hubCommand('documents', 'import', binary, '--date', 'mùng 5 tháng Giêng');
    expect(badDate.code).toBe(2);
    expect(badDate.json.error).toContain('is not a date this command reads');
    const missing = await hubCommand('documents', 'import', join(folder, 'khong-co.txt'));
    expect(missing.code).toBe(2);
    expect(missing.json.error).toContain('does not exist');
    expect((await graphql('{ documents { totalCount } }')).body.data?.documents.totalCount).toBe(before);
  });
});

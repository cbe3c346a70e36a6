/**
 * Analysts read and search the source documents themselves: `hub documents import` takes the
 * five articles in (filling in the seeded documents' text, never a second record, and changing
 * nothing the second time), and search then finds words without diacritics, quoted phrases in
 * order, best first, with the passage that matched. Bad files and bad queries are named.
 * Reads ../shared/seed-documents; says so and skips when it is absent.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@hub/core';
import { applySeed } from '@hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { haveSourceDocuments, SOURCE_DOCUMENTS_DIR } from './harness/source-documents.js';

const HUB_COMMAND = fileURLToPath(new URL('../platform/cli/bin/hub.mjs', import.meta.url));
let writer: string;
let folder: string;

function hubCommand(...args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HUB_COMMAND, ...args, '--json'], { env: { ...process.env, HUB_URL: hub().gatewayUrl.replace(/\/graphql$/, ''), HUB_TOKEN: writer }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, json: stdout ? JSON.parse(stdout) : undefined, stderr }));
  });
}

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

  it('refuses a malformed phrase, naming the argument', async () => {
    const { body } = await graphql('{ searchDocuments(query: "\\"bao chi") { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('query: has an unmatched quote');
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

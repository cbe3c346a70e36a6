/**
 * A reporting tool gets a service token of its own, runs the operations its client published
 * by id, and is cut off when an operator revokes it: `hub token create|list|revoke` and
 * `hub operations publish|list|remove` as real processes, tokens and ids through real HTTP, on
 * the hub's gateway and a second gateway sharing its registry (revocation must reach both
 * within a few seconds). Every mistake is refused with a status and a sentence, storing nothing.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, formatSubgraphUrls, listen, type RunningHttpServer } from '@hub/core';
import { createGateway, developmentJwtSecret, loadGatewayConfig, mintToken, type Gateway } from '@hub/gateway';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { hubCommand, run } from './harness/hub-command.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

// One operation per manifest format, each different, so each id runs its own document.
const COMMITTEES = 'query CommitteeNames { committees(first: 3) { totalCount edges { node { id name } } } }';
const PEOPLE = 'query PeopleNames($first: Int) { people(first: $first) { edges { node { id fullName } } } }';
const PROVINCES = 'query NorthProvinces { provinces(region: NORTH) { code name } }';

let folder: string;
let admin: string;
let second: { gateway: Gateway; http: RunningHttpServer };

const secondUrl = () => `${second.http.url}/graphql`;

async function manifestFile(name: string, content: unknown): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A raw POST to /graphql with a body of our choosing (documentId is not a GraphQL field). */
async function post(body: unknown, bearer?: string, url = hub().gatewayUrl) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

/** Asks the gateway at `url` with `bearer` until it answers 401, for at most 10 s after `since`. */
async function refusedSince(since: number, bearer: string, url: string) {
  for (;;) {
    const answer = await graphql('{ committees(first: 1) { totalCount } }', { token: bearer, url });
    if (answer.status === 401 || Date.now() - since > 10_000) return { answer, ms: Date.now() - since };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const listTokens = async () => (await hubCommand(admin, 'token', 'list', '--json')).json.tokens as Array<{ id: string; name: string; status: string }>;
const listOperations = async () => (await hubCommand(admin, 'operations', 'list', '--json')).json.operations as Array<{ id: string }>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-reporting-'));
  admin = await token(['hub:admin'], '30m');
  // A second gateway on the same registry, as production runs several behind a load balancer.
  const config = loadGatewayConfig({
    HUB_DATA_DIR: hub().dataDir,
    HUB_SIGNING_SECRET: hub().signingSecret,
    HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
    HUB_REGISTRY_MONGODB_URI: hub().targets.organization!.uri,
    HUB_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const gateway = await createGateway(config, createLogger('second-gateway', { level: 'error', format: 'pretty' }));
  second = { gateway, http: await listen(gateway.handler, { port: 0, host: '127.0.0.1' }) };
}, 60_000);

afterAll(async () => {
  await second?.http.close();
  await second?.gateway.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('service tokens', () => {
  it('are created, listed and used on every gateway, and refused by every gateway within seconds of being revoked', async () => {
    const created = await hubCommand(admin, 'token', 'create', '--name', 'weekly-report', '--scopes', 'hub:read', '--expires', '7d', '--json');
    expect(created.code, created.stderr).toBe(0);
    const { token: serviceToken, id, expiresAt } = created.json;
    expect(created.json).toMatchObject({ name: 'weekly-report', scopes: ['hub:read'], safelist: false, status: 'live' });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    // The registry keeps the metadata, never the token.
    const listed = await hubCommand(admin, 'token', 'list', '--json');
    expect(listed.json.tokens.find((t: { id: string }) => t.id === id)).toMatchObject({ name: 'weekly-report', status: 'live' });
    expect(listed.stdout).not.toContain(serviceToken);

    for (const url of [hub().gatewayUrl, secondUrl()]) {
      const answer = await graphql('{ committees(first: 1) { totalCount } }', { token: serviceToken, url });
      expect(answer.status, url).toBe(200);
      expect(answer.body.data!.committees.totalCount).toBeGreaterThan(0);
    }
    // Reading, not writing: its scopes are the ones asked for.
    const write = await graphql('mutation { createPerson(input: { fullName: "X", sources: ["doc-giao-ban-phia-bac"] }) { id } }', { token: serviceToken });
    expect(write.status).toBe(403);

    const revoked = await hubCommand(admin, 'token', 'revoke', 'weekly-report');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('Revoked service token "weekly-report"');
    const revokedAt = Date.now();
    const refusedAfter: number[] = [];
    for (const url of [hub().gatewayUrl, secondUrl()]) {
      const { answer, ms } = await refusedSince(revokedAt, serviceToken, url);
      expect(answer.status, url).toBe(401);
      expect(answer.body.errors![0]!.message).toMatch(/This service token \("weekly-report", id .+\) was revoked at /);
      refusedAfter.push(ms);
    }
    process.stderr.write(`revoked token refused after ${refusedAfter.map((ms) => `${ms} ms`).join(' (this gateway), ')} (second gateway)\n`);
    expect(Math.max(...refusedAfter)).toBeLessThan(6_000);
    // The registry API refuses it too, and the list shows it revoked.
    expect((await hubCommand(serviceToken, 'operations', 'list', '--json')).code).toBe(2);
    expect((await listTokens()).find((t) => t.id === id)!.status).toBe('revoked');
    // Revoking again says so; the name is free again for a new token.
    expect((await hubCommand(admin, 'token', 'revoke', id, '--json')).json).toMatchObject({ alreadyRevoked: true });
    const again = await hubCommand(admin, 'token', 'create', '--name', 'weekly-report', '--scopes', 'hub:read', '--json');
    expect(again.code, again.stderr).toBe(0);
    await hubCommand(admin, 'token', 'revoke', again.json.id);
  });

  it.each([
    ['an expiry beyond HUB_MAX_TOKEN_DAYS', ['--name', 'too-long', '--scopes', 'hub:read', '--expires', '400d'], "longer than this hub's maximum token lifetime of 90 days (HUB_MAX_TOKEN_DAYS)"],
    ['an expiry that is not a lifetime', ['--name', 'odd-expiry', '--scopes', 'hub:read', '--expires', 'tomorrow'], 'like 30m, 8h, 30d or 2w; got "tomorrow"'],
    ['an unknown scope', ['--name', 'odd-scope', '--scopes', 'hub:read,hub:everything'], 'unknown scope hub:everything'],
    ['an invalid name', ['--name', 'Power BI', '--scopes', 'hub:read'], '"Power BI" is not a valid token name'],
  ])('refuses %s with a sentence (exit 2), storing nothing', async (_, args, message) => {
    const before = (await listTokens()).length;
    const result = await hubCommand(admin, 'token', 'create', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect((await listTokens()).length).toBe(before);
  });

  it('refuses a second live token of the same name, and creating without hub:admin', async () => {
    const first = await hubCommand(admin, 'token', 'create', '--name', 'dashboards', '--scopes', 'hub:read,hub:write');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Created service token "dashboards" \(id [0-9a-f-]{36}\): hub:read, hub:write, valid until /);
    expect(first.stdout).toMatch(/^  eyJ[\w-]+\.[\w-]+\.[\w-]+$/m);
    expect((await hubCommand(admin, 'token', 'list')).stdout).toMatch(/^dashboards\s+live\s+hub:read,hub:write\s/m);
    const before = (await listTokens()).length;
    const twice = await hubCommand(admin, 'token', 'create', '--name', 'dashboards', '--scopes', 'hub:read');
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining('A live token named "dashboards" exists; revoke it first') });
    const reader = await hubCommand(await token(['hub:read', 'hub:write']), 'token', 'create', '--name', 'sneaky', '--scopes', 'hub:admin');
    expect(reader).toMatchObject({ code: 2, stderr: expect.stringContaining('needs an operator token with the hub:admin scope') });
    expect((await listTokens()).length).toBe(before);
    expect((await hubCommand(admin, 'token', 'revoke', 'no-such-token')).stderr).toContain('No live token is named "no-such-token"');
    expect((await hubCommand(admin, 'token', 'revoke', 'dashboards')).code).toBe(0);
  });

  it('answers malformed requests to the registry API with 400 and a sentence, storing nothing', async () => {
    const registry = async (path: string, body: string) => {
      const response = await fetch(`${hub().gatewayUrl.replace(/\/graphql$/, '')}/registry${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body });
      return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
    };
    const tokensBefore = (await listTokens()).length;
    const operationsBefore = (await listOperations()).length;
    expect(await registry('/tokens', '{ not json')).toEqual({ status: 400, message: 'The request body must be a JSON object.' });
    expect(await registry('/tokens', JSON.stringify({ name: 'x-tool', scopes: ['hub:read'], safelist: 'yes' }))).toEqual({ status: 400, message: '"safelist" must be true or false.' });
    expect(await registry('/tokens', JSON.stringify({ name: 'x-tool' }))).toEqual({ status: 400, message: '"scopes" is required.' });
    expect(await registry('/operations', JSON.stringify({}))).toEqual({ status: 400, message: '"manifest" is required: the parsed contents of the manifest file.' });
    expect((await listTokens()).length).toBe(tokensBefore);
    expect((await listOperations()).length).toBe(operationsBefore);
  });

  it('refuses any presented token that lives longer than HUB_MAX_TOKEN_DAYS, and a forged service token', async () => {
    const secret = await developmentJwtSecret(hub().dataDir);
    const long = await mintToken({ secret, subject: 'old-habit', scopes: ['hub:read'], expiresIn: '400d' });
    const answer = await graphql('{ committees(first: 1) { totalCount } }', { token: long });
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]!.message).toContain("valid for 400 days (exp − iat), longer than this hub's maximum of 90 days (HUB_MAX_TOKEN_DAYS)");
    // Signed with the development secret but claiming to be a service token: the registry's key does not verify it.
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', kid: 'hub-service-1', typ: 'JWT' })}.${part({ scope: 'hub:admin', jti: 'made-up', iss: 'hub', aud: 'hub', iat: now, exp: now + 3600 })}`;
    const forged = `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    const refused = await graphql('{ committees(first: 1) { totalCount } }', { token: forged });
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0]!.message).toContain("not signed with this hub's key");
  });
});

describe('persisted operations', () => {
  const apolloManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: sha256(COMMITTEES), name: 'CommitteeNames', type: 'query', body: COMMITTEES }],
  };
  const relayManifest = { [md5(PEOPLE)]: PEOPLE };
  const codegenManifest = { [sha256(PROVINCES)]: PROVINCES };

  it('publishes a manifest of each format and runs each operation by id, with the same answer as the query', async () => {
    const cases = [
      { file: 'persisted-query-manifest.json', manifest: apolloManifest, format: 'apollo', id: sha256(COMMITTEES), query: COMMITTEES, send: (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } }) },
      { file: 'relay-persisted.json', manifest: relayManifest, format: 'relay', id: md5(PEOPLE), query: PEOPLE, send: (id: string) => ({ documentId: id, variables: { first: 2 } }) },
      { file: 'persisted-documents.json', manifest: codegenManifest, format: 'graphql-codegen', id: sha256(PROVINCES), query: PROVINCES, send: (id: string) => ({ documentId: id }) },
    ];
    const reader = await token(['hub:read']);
    for (const { file, manifest, format, id, query, send } of cases) {
      const published = await hubCommand(admin, 'operations', 'publish', await manifestFile(file, manifest), '--json');
      expect(published.code, published.stderr).toBe(0);
      expect(published.json).toMatchObject({ format, added: 1, unchanged: 0 });
      const byId = await post(send(id), reader);
      expect(byId.status, file).toBe(200);
      expect(byId.body.errors).toBeUndefined();
      const free = await graphql(query, { token: reader, variables: (send(id) as { variables?: Record<string, unknown> }).variables });
      expect(byId.body.data).toEqual(free.body.data);
      // The second gateway runs it too: the registry is shared.
      expect((await post(send(id), reader, secondUrl())).body.data).toEqual(free.body.data);
    }
    // Publishing again changes nothing; the list names them.
    expect((await hubCommand(admin, 'operations', 'publish', await manifestFile('again.json', relayManifest), '--json')).json).toMatchObject({ added: 0, unchanged: 1 });
    const listed = await hubCommand(admin, 'operations', 'list');
    expect(listed.stdout).toMatch(/query\s+CommitteeNames\s+[0-9a-f]{64}/);
    expect(listed.stdout).toContain('PeopleNames');
  });

  it.each([
    ['a hash that does not match its document', () => ({ [sha256(PEOPLE)]: PEOPLE, [sha256(COMMITTEES)]: PROVINCES }), `"${sha256(COMMITTEES)}" does not match its document`],
    ['an Apollo id that does not match its body', () => ({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256('query Other { provinces { totalCount } }'), name: 'X', type: 'query', body: 'query X { provinces { totalCount } }' }] }), 'does not match its document'],
    ['an unknown format', () => ({ format: 'my-own-manifest', queries: [PEOPLE] }), 'Unknown manifest format "my-own-manifest"'],
    ['a document that is not GraphQL', () => ({ [md5('query { nope')]: 'query { nope' }), 'is not valid GraphQL'],
    ['an operation the graph cannot answer', () => ({ [md5(PEOPLE)]: PEOPLE, [md5('query Colours { committees(first: 1) { totalCount colour } }')]: 'query Colours { committees(first: 1) { totalCount colour } }' }), 'does not fit the graph: Cannot query field "colour" on type "CommitteeConnection"'],
  ])('refuses %s (exit 1) and stores none of the manifest', async (_, manifest, message) => {
    const before = await listOperations();
    const file = await manifestFile(`bad-${before.length}-${Math.random().toString(36).slice(2)}.json`, manifest());
    const result = await hubCommand(admin, 'operations', 'publish', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/nothing was stored/i);
    expect((await listOperations()).length).toBe(before.length);
    // The good entry beside the bad one was not stored either.
    expect((await post({ documentId: sha256(PEOPLE) }, await token(['hub:read']))).status).toBe(400);
  });

  it('refuses a file that is not JSON (exit 2), an id already published with another document, and publishing without hub:admin', async () => {
    const notJson = await hubCommand(admin, 'operations', 'publish', await manifestFile('broken.json', '{ "a": '));
    expect(notJson).toMatchObject({ code: 2, stderr: expect.stringContaining('is not JSON') });
    const custom = (body: string) => ({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'north-provinces', name: 'NorthProvinces', type: 'query', body }] });
    expect((await hubCommand(admin, 'operations', 'publish', await manifestFile('custom.json', custom(PROVINCES)))).code).toBe(0);
    const clash = await hubCommand(admin, 'operations', 'publish', await manifestFile('clash.json', custom('query NorthProvinces { provinces(region: SOUTH) { code } }')));
    expect(clash).toMatchObject({ code: 2, stderr: expect.stringContaining('already published with another document (north-provinces)') });
    const writer = await hubCommand(await token(['hub:write']), 'operations', 'publish', await manifestFile('w.json', codegenManifest));
    expect(writer).toMatchObject({ code: 2, stderr: expect.stringContaining('hub:admin') });
  });

  it('answers an unknown documentId with 400 and a sentence, and stops running a removed one', async () => {
    const reader = await token(['hub:read']);
    const unknown = await post({ documentId: 'no-such-operation' }, reader);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toContain('No published operation has the id "no-such-operation"; publish it with "npm run hub -- operations publish <manifest>"');
    const wrongType = await post({ documentId: 42 }, reader);
    expect(wrongType).toMatchObject({ status: 400, body: { errors: [{ message: '"documentId" must be a string: the id of a published operation.' }] } });
    const manifest = await manifestFile('temporary.json', { [md5('query Temporary { agencies(first: 1) { totalCount } }')]: 'query Temporary { agencies(first: 1) { totalCount } }' });
    expect((await hubCommand(admin, 'operations', 'publish', manifest)).code).toBe(0);
    const id = md5('query Temporary { agencies(first: 1) { totalCount } }');
    expect((await post({ documentId: id }, reader)).status).toBe(200);
    const removed = await hubCommand(admin, 'operations', 'remove', id);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await post({ documentId: id }, reader)).status).toBe(400);
    expect((await hubCommand(admin, 'operations', 'remove', id)).stderr).toContain(`No published operation has the id "${id}"`);
  });

  it('keeps automatic persisted queries working for callers that may send queries', async () => {
    const query = '{ agencies(first: 2) { totalCount } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const miss = await post({ extensions });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).body.data.agencies.totalCount).toBeGreaterThan(0);
    expect((await post({ extensions })).body.data.agencies.totalCount).toBeGreaterThan(0);
  });
});

describe('a safelisted token', () => {
  let safelisted: string;
  beforeAll(async () => {
    const created = await hubCommand(admin, 'token', 'create', '--name', 'bi-production', '--scopes', 'hub:read', '--safelist', '--expires', '8h', '--json');
    expect(created.code, created.stderr).toBe(0);
    expect(created.json.safelist).toBe(true);
    safelisted = created.json.token;
    const manifest = await manifestFile('bi.json', { [sha256(PROVINCES)]: PROVINCES });
    expect((await hubCommand(admin, 'operations', 'publish', manifest)).code).toBe(0);
  });
  afterAll(async () => {
    await hubCommand(admin, 'token', 'revoke', 'bi-production');
  });

  it('runs a published operation by id, on either gateway', async () => {
    for (const url of [hub().gatewayUrl, secondUrl()]) {
      const answer = await post({ documentId: sha256(PROVINCES) }, safelisted, url);
      expect(answer.status, url).toBe(200);
      expect(answer.body.data.provinces.length).toBeGreaterThan(0);
      const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(PROVINCES) } } }, safelisted, url);
      expect(apq.body.data).toEqual(answer.body.data);
      // By GET too, as GraphQL over HTTP allows for queries.
      const get = await fetch(`${url}?documentId=${sha256(PROVINCES)}`, { headers: { authorization: `Bearer ${safelisted}`, 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(200);
      expect(((await get.json()) as { data: unknown }).data).toEqual(answer.body.data);
    }
  });

  it('is refused a free-form query (403 naming the rule), by POST and by GET, and an id nobody published (400)', async () => {
    const free = await graphql('{ provinces { code } }', { token: safelisted });
    expect(free.status).toBe(403);
    expect(free.body.errors![0]!.message).toContain('This token may run only published operations (it was created with --safelist)');
    const get = await fetch(`${hub().gatewayUrl}?query=${encodeURIComponent('{ provinces { code } }')}`, { headers: { authorization: `Bearer ${safelisted}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(403);
    // APQ would let it register any query: a hash the registry does not know is refused.
    const apq = await post({ query: '{ agencies(first: 1) { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ agencies(first: 1) { totalCount } }') } } }, safelisted);
    expect(apq.status).toBe(400);
    expect(apq.body.errors[0].message).toContain('No published operation has the id');
    // Sending the published id with another query is not a way around it.
    const swapped = await post({ documentId: sha256(PROVINCES), query: '{ agencies(first: 1) { totalCount } }' }, safelisted);
    expect(swapped.status).toBe(400);
    expect(swapped.body.errors[0].message).toContain('is not the operation published as');
  });
});

describe('a withdrawn signing key', () => {
  it('makes every gateway refuse the tokens it signed within a poll, and the next token gets a new key', async () => {
    const created = await hubCommand(admin, 'token', 'create', '--name', 'before-the-leak', '--scopes', 'hub:read', '--json');
    expect(created.code, created.stderr).toBe(0);
    expect((await graphql('{ committees(first: 1) { totalCount } }', { token: created.json.token, url: secondUrl() })).status).toBe(200);
    const client = new MongoClient(hub().targets.organization!.uri);
    try {
      await client.db('hub_registry').collection('signing_keys').deleteOne({ _id: 'hub-service-1' as never });
    } finally {
      await client.close();
    }
    const withdrawnAt = Date.now();
    for (const url of [hub().gatewayUrl, secondUrl()]) {
      const { answer } = await refusedSince(withdrawnAt, created.json.token, url);
      expect(answer.status, url).toBe(401);
      expect(answer.body.errors![0]!.message).toContain('the registry holds no service-token key');
    }
    const fresh = await hubCommand(admin, 'token', 'create', '--name', 'after-the-leak', '--scopes', 'hub:read', '--json');
    expect((await graphql('{ committees(first: 1) { totalCount } }', { token: fresh.json.token })).status).toBe(200);
    expect((await graphql('{ committees(first: 1) { totalCount } }', { token: created.json.token })).body.errors![0]!.message).toContain("not signed with this hub's key");
    await hubCommand(admin, 'token', 'revoke', 'before-the-leak');
    await hubCommand(admin, 'token', 'revoke', 'after-the-leak');
  });
});

describe('help', () => {
  it('answers --help on every new command, and on npm run token, with exit 0', async () => {
    for (const args of [['token', '--help'], ['token', 'create', '--help'], ['token', 'list', '--help'], ['token', 'revoke', '--help'], ['operations', '--help'], ['operations', 'publish', '--help'], ['operations', 'list', '--help'], ['operations', 'remove', '--help']]) {
      const result = await hubCommand(undefined, ...args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(new RegExp(`^hub ${args.filter((a) => a !== '--help').join(' ')}`));
    }
    const npmToken = await run('npm', ['run', '--silent', 'token', '--', '--help']);
    expect(npmToken.code, npmToken.stderr).toBe(0);
    expect(npmToken.stdout).toContain('npm run token -- [--scopes <a,b>]');
    expect(npmToken.stdout).toContain('HUB_MAX_TOKEN_DAYS');
  });
});

/**
 * The registry answers every mistake a partner or an operator can make with a clear status and
 * sentence, and stores nothing half-done: invalid SDL, a schema that does not compose, a name
 * that clashes or is malformed, a URL that is not http or does not answer, missing, wrong,
 * expired or misdirected tokens, two publishes racing, and a registry database that is down.
 */
import { createServer } from 'node:net';
import { mintToken, developmentJwtSecret } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { startExtraGateway, type ExtraGateway } from './harness/extra-gateway.js';

let admin: string;
const base = () => hub().gatewayUrl.replace(/\/graphql$/, '');

async function api(method: string, path: string, body?: unknown, bearer?: string, url = base()) {
  const response = await fetch(`${url}/registry${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const history = async () => (await api('GET', '/schema/history', undefined, admin)).body.versions as Array<{ _id: number }>;
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

let publishToken: string;

beforeAll(async () => {
  admin = await token(['hub:admin'], '30m');
  const added = await api('POST', '/partners', { name: 'registry-probe', url: `http://127.0.0.1:${await closedPort()}/graphql` }, admin);
  expect(added.status).toBe(201);
  publishToken = added.body.publishToken;
});
afterAll(async () => {
  await api('DELETE', '/partners/registry-probe', undefined, admin);
});

describe('registering partners', () => {
  it.each([
    ['a name that clashes with a hub subgraph', { name: 'events', url: 'http://x.example/graphql' }, 409, 'clashes with one of the hub'],
    ['an invalid name', { name: 'Bộ_Ngoại giao', url: 'http://x.example/graphql' }, 400, 'not a valid subgraph name'],
    ['a URL that is not http', { name: 'ftp-partner', url: 'ftp://x.example/graphql' }, 400, 'not an http:// or https:// URL'],
    ['no URL at all', { name: 'no-url' }, 400, '"url" is required'],
    ['a name already registered', { name: 'registry-probe', url: 'http://x.example/graphql' }, 409, 'already registered'],
  ])('refuses %s, storing nothing', async (_, input, status, message) => {
    const before = (await api('GET', '/partners', undefined, admin)).body.partners.length;
    const result = await api('POST', '/partners', input, admin);
    expect(result.status).toBe(status);
    expect(result.body.error.message).toContain(message);
    expect((await api('GET', '/partners', undefined, admin)).body.partners.length).toBe(before);
  });
});

describe('who may do what', () => {
  it('refuses a missing, wrong or expired token, and a reader where an operator is needed', async () => {
    expect((await api('POST', '/partners', { name: 'x1', url: 'http://x/graphql' })).status).toBe(401);
    expect((await api('POST', '/partners', { name: 'x1', url: 'http://x/graphql' }, 'not-a-token')).status).toBe(401);
    expect((await api('POST', '/subgraphs/registry-probe/check', { sdl: LINK }, 'hubp_registry-probe_forged')).body.error.message).toContain('not known to the registry');
    const expired = await mintToken({ secret: await developmentJwtSecret(hub().dataDir), subject: 'old', scopes: ['hub:admin'], expiresIn: '1s' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const late = await api('GET', '/partners', undefined, expired);
    expect(late.status).toBe(401);
    expect(late.body.error.message).toContain('expired');
    const reader = await api('POST', '/partners', { name: 'x1', url: 'http://x/graphql' }, await token(['hub:read', 'hub:write']));
    expect(reader.status).toBe(403);
    expect(reader.body.error.message).toContain('hub:admin');
  });

  it("refuses a partner's publish token for another subgraph, and for operator commands", async () => {
    const other = await api('POST', '/subgraphs/events/check', { sdl: LINK }, publishToken);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('for the "registry-probe" subgraph, not "events"');
    expect((await api('POST', '/schema/rollback', { to: 1 }, publishToken)).status).toBe(403);
  });
});

describe('checks and publishes', () => {
  it('reports invalid SDL with its location, and composition failures in the composer\'s words', async () => {
    const invalid = await api('POST', '/subgraphs/registry-probe/check', { sdl: 'type Event @key(fields: "id") { id: ID! ' }, publishToken);
    expect(invalid.status).toBe(200);
    expect(invalid.body).toMatchObject({ ok: false, stage: 'parse' });
    expect(invalid.body.problems[0].locations[0]).toEqual({ line: 1, column: 41 });
    const clash = await api('POST', '/subgraphs/registry-probe/check', { sdl: `${LINK}\ntype Event @key(fields: "id") { id: ID! title: Int }` }, publishToken);
    expect(clash.body).toMatchObject({ ok: false, stage: 'composition' });
    expect(clash.body.problems.map((p: { message: string }) => p.message).join(' ')).toContain('Event.title');
    const nonNull = await api('POST', '/subgraphs/registry-probe/check', { sdl: `${LINK}\ntype Event @key(fields: "id") { id: ID! probe: String! }` }, publishToken);
    expect(nonNull.body).toMatchObject({ ok: false, stage: 'rules' });
    expect(nonNull.body.problems[0].message).toContain('Event.probe must be nullable');
  });

  it('refuses to publish what the gateway cannot reach, storing no version', async () => {
    const before = await history();
    const result = await api('POST', '/subgraphs/registry-probe/publish', { sdl: `${LINK}\ntype Event @key(fields: "id") { id: ID! probe: String }` }, publishToken);
    expect(result.status).toBe(424);
    expect(result.body.error.message).toContain('Cannot reach the subgraph at');
    expect(await history()).toEqual(before);
  });

  it('lets exactly one of two simultaneous rollbacks win; the other is told to retry', async () => {
    const versions = await history();
    const oldest = versions.at(-1)!._id;
    // Make sure there is something to roll back to: a second version with the first's content.
    if (versions.length < 2) expect((await api('POST', '/schema/rollback', { to: oldest }, admin)).status).toBe(409);
    const latest = (await history())[0]!._id;
    const target = latest > 1 ? latest - 1 : latest;
    if (target === latest) return; // only one version exists: nothing can race
    const results = await Promise.all([api('POST', '/schema/rollback', { to: target }, admin), api('POST', '/schema/rollback', { to: target }, admin)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.message).toMatch(/published meanwhile|already the one served/);
  });

  it('answers unknown versions and bad numbers clearly', async () => {
    expect((await api('GET', '/schema?version=99999', undefined, admin)).body.error.message).toContain('There is no version 99999');
    expect((await api('GET', '/schema?version=abc', undefined, admin)).status).toBe(400);
    expect((await api('POST', '/schema/rollback', { to: 'one' }, admin)).status).toBe(400);
    expect((await api('GET', '/usage?coordinate=not a coordinate', undefined, admin)).status).toBe(400);
  });
});

describe('a registry database that is down', () => {
  let http: ExtraGateway;

  beforeAll(async () => {
    http = await startExtraGateway('gateway-without-registry', { HUB_REGISTRY_MONGODB_URI: `mongodb://127.0.0.1:${await closedPort()}/` });
  }, 30_000);
  afterAll(async () => {
    await http.stop();
  });

  it('keeps the gateway serving queries, and refuses a publish with a sentence, changing nothing', async () => {
    const answer = await graphql('{ committees(first: 1) { totalCount } }', { url: `${http.url}/graphql` });
    expect(answer.body.errors).toBeUndefined();
    const publish = await api('POST', '/partners', { name: 'while-down', url: 'http://x.example/graphql' }, admin, http.url);
    expect(publish.status).toBe(503);
    expect(publish.body.error.message).toContain('nothing was changed');
  }, 30_000);
});

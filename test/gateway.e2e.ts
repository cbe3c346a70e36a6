/**
 * The gateway in the situations operators meet: a supergraph file replaced while serving (good
 * or broken), a missing one at start, a subgraph down, and production settings.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createLogger, formatSubgraphUrls, listen, type RunningHttpServer } from '@hub/core';
import { createGateway, loadGatewayConfig, mintToken, type Gateway } from '@hub/gateway';
import { composeSdl, HUB_SUBGRAPHS, SUPERGRAPH_FILE, subgraphSchemaFile } from '@hub/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { counterAt, graphql, hub } from './harness/client.js';

const quiet = createLogger('gateway-under-test', { level: 'error', format: 'pretty' });
let folder: string;
const running: Array<{ gateway: Gateway; http: RunningHttpServer }> = [];

async function startGateway(env: Record<string, string>) {
  const config = loadGatewayConfig({
    HUB_SIGNING_SECRET: hub().signingSecret,
    HUB_DATA_DIR: hub().dataDir,
    HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
    ...env,
  });
  const gateway = await createGateway(config, quiet);
  const http = await listen(gateway.handler, { port: 0, host: '127.0.0.1' });
  running.push({ gateway, http });
  return `${http.url}/graphql`;
}

const until = async (check: () => Promise<boolean>, ms = 8000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
};

/** A URL where nothing listens: a port the OS just handed out and took back. */
let deadUrl: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-gateway-'));
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  deadUrl = `http://127.0.0.1:${port}/graphql`;
});
afterEach(async () => {
  for (const { gateway, http } of running.splice(0)) {
    await http.close();
    await gateway.stop();
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('supergraph hot reload', () => {
  it('serves a new supergraph when the file changes, and keeps the last good one when it is broken', async () => {
    const file = join(folder, 'supergraph.graphql');
    await copyFile(SUPERGRAPH_FILE, file);
    const url = await startGateway({ HUB_SUPERGRAPH_FILE: file });
    const queryFields = async () => {
      const result = await graphql('{ __schema { queryType { fields { name } } } }', { url });
      return (result.body.data?.__schema.queryType.fields ?? []).map((field: { name: string }) => field.name) as string[];
    };
    expect(await queryFields()).toContain('committees');

    // A broken file: refused, and the gateway still answers from the old supergraph.
    await writeFile(file, 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await graphql('{ committee(code: "ban-chi-dao-ttdn-tw") { code } }', { url })).body.data?.committee.code).toBe('ban-chi-dao-ttdn-tw');

    // A valid new supergraph (the hub plus a partner's field): served without a restart.
    const subgraphs = await Promise.all(
      HUB_SUBGRAPHS.map(async (subgraph) => ({ name: subgraph.name, url: hub().subgraphUrls[subgraph.name]!, sdl: await readFile(subgraphSchemaFile(subgraph), 'utf8') })),
    );
    const partner = {
      name: 'partner',
      url: 'http://127.0.0.1:9/graphql',
      sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\ntype Query { partnerPing: String }\n',
    };
    await writeFile(file, composeSdl([...subgraphs, partner]));
    expect(await until(async () => (await queryFields()).includes('partnerPing'))).toBe(true);
  });

  it('keeps parsed queries and plans over a reload that changes only a subgraph address, and drops them when the schema changes', async () => {
    const file = join(folder, 'warm.graphql');
    const original = await readFile(SUPERGRAPH_FILE, 'utf8');
    await writeFile(file, original);
    const url = await startGateway({ HUB_SUPERGRAPH_FILE: file });
    const counter = (name: string, labels: Record<string, string>) => counterAt(url, name, labels);
    const lookups = async () => ({
      planHits: await counter('hub_gateway_cache_lookups_total', { cache: 'plan', result: 'hit' }),
      planMisses: await counter('hub_gateway_cache_lookups_total', { cache: 'plan', result: 'miss' }),
      documentHits: await counter('hub_gateway_cache_lookups_total', { cache: 'document', result: 'hit' }),
      documentMisses: await counter('hub_gateway_cache_lookups_total', { cache: 'document', result: 'miss' }),
    });
    const ask = async () => expect((await graphql('{ committees(first: 3) { edges { node { code events(first: 1) { totalCount } } } } }', { url })).body.errors).toBeUndefined();
    await ask();
    await ask();
    const warm = await lookups();
    expect(warm.planHits).toBeGreaterThan(0);

    // Only the events subgraph's address changes (this gateway calls the addresses HUB_SUBGRAPH_URLS gives).
    await writeFile(file, original.replace(/(@join__graph\(name: "events", url: ")[^"]*/, '$1http://127.0.0.1:9/graphql'));
    expect(await until(async () => (await counter('hub_gateway_supergraphs_served_total', { plans: 'kept' })) === 1)).toBe(true);
    await ask();
    const kept = await lookups();
    expect(kept).toEqual({ ...warm, planHits: warm.planHits + 1, documentHits: warm.documentHits + 1 });

    // A description changes: the schema is another, so is every cached query and plan.
    await writeFile(file, original.replace('"""Adds an event. Needs hub:write."""', '"""Adds an event (needs hub:write)."""'));
    expect(await until(async () => (await counter('hub_gateway_supergraphs_served_total', { plans: 'rebuilt' })) === 2)).toBe(true);
    await ask();
    expect(await lookups()).toEqual({ ...kept, planMisses: kept.planMisses + 1, documentMisses: kept.documentMisses + 1 });
  });

  it('refuses to start without a supergraph file, naming it', async () => {
    const missing = join(folder, 'nowhere.graphql');
    await expect(startGateway({ HUB_SUPERGRAPH_FILE: missing })).rejects.toThrow(`${missing} cannot be read: it does not exist`);
  });

  it('refuses to start on a corrupt supergraph file, naming it', async () => {
    const corrupt = join(folder, 'corrupt.graphql');
    await writeFile(corrupt, 'type Query { broken');
    await expect(startGateway({ HUB_SUPERGRAPH_FILE: corrupt })).rejects.toThrow(`${corrupt} is not a composed supergraph`);
  });
});

describe('a subgraph that is down', () => {
  it('costs only its part of the answer: partial data, and an error naming the subgraph', async () => {
    const url = await startGateway({ HUB_SUBGRAPH_URLS: `organization=${hub().subgraphUrls.organization},knowledge=${deadUrl}` });
    const result = await graphql('{ committee(code: "ban-chi-dao-ttdn-tw") { code } conclusion(number: "57-KL/TW") { number } }', { url });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ committee: { code: 'ban-chi-dao-ttdn-tw' }, conclusion: null });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'knowledge' });
    expect(result.body.errors?.[0]?.message).toContain('knowledge subgraph is unavailable: connect ECONNREFUSED');
    // Node names the address it could not reach; no answer repeats it, in development either.
    expect(JSON.stringify(result.body)).not.toContain(new URL(deadUrl).host);
  });
});

describe('production settings', () => {
  const secret = 'p'.repeat(48);
  const production = { HUB_ENV: 'production', HUB_JWT_SECRET: secret };

  it('refuses anonymous callers with 401', async () => {
    const url = await startGateway(production);
    const result = await graphql('{ topics { code } }', { url });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.message).toContain('needs a bearer token');
  });

  it('turns introspection off, and hides internal addresses from errors', async () => {
    const url = await startGateway({ ...production, HUB_SUBGRAPH_URLS: `knowledge=${deadUrl}` });
    const reader = await mintToken({ secret, subject: 'ops', scopes: ['hub:read'], expiresIn: '5m' });
    const introspection = await graphql('{ __schema { types { name } } }', { url, token: reader });
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.message).toContain('introspection');

    const down = await graphql('{ conclusion(number: "57-KL/TW") { number } }', { url, token: reader });
    const text = JSON.stringify(down.body.errors);
    expect(down.body.errors?.[0]?.message).toBe('The knowledge subgraph could not answer this part of the query.');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('stacktrace');
  });

  it('refuses to start without a way to verify tokens', async () => {
    await expect(startGateway({ HUB_ENV: 'production' })).rejects.toThrow('HUB_JWT_PUBLIC_KEY_FILE');
  });
});

/**
 * A query across subgraphs must cost few subgraph requests: the fetches of one plan step to one
 * subgraph go as one batched request (as Hive Gateway sends them), and identical reads in flight
 * at the same time are sent once. Counted from the subgraphs' /metrics (requests they served),
 * through the hub's gateway and through a second gateway with both off, for comparison.
 * Batches are accepted from the gateway only: signed over their exact bytes like any request.
 */
import { createLogger, formatSubgraphUrls, listen, signRequest, subgraphSecret, type RunningHttpServer } from '@hub/core';
import { createGateway, loadGatewayConfig, type Gateway } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterAt, graphql, hub, subgraphRequests, token } from './harness/client.js';

const SUBGRAPHS = ['organization', 'events', 'knowledge'] as const;

/** The two cross-subgraph queries issue 11 names, with the request counts Hive Gateway's plans reach. */
const QUERIES = {
  'fan-out: committees → province, parent, events → conclusions': {
    hive: 5,
    query: `{ committees(first: 64) { edges { node { name province { name region } parent { code }
      events(first: 5) { totalCount edges { node { title conclusions { number } strategies { code } } } } } } } }`,
  },
  'conclusion → events → organizer, participants': {
    hive: 4,
    query: `{ conclusion(number: "57-KL/TW") { number events { title date { iso } organizer { name level }
      participants { role title person { fullName } committee { name } agency { name } } sources { title } } } }`,
  },
};

async function requestsServed(): Promise<number> {
  return (await Promise.all(SUBGRAPHS.map(subgraphRequests))).reduce((a, b) => a + b, 0);
}

/** Subgraph requests one query costs through the gateway at `url`, and its answer. */
async function requestsFor(query: string, url?: string) {
  const before = await requestsServed();
  const result = await graphql(query, url ? { url } : {});
  expect(result.body.errors).toBeUndefined();
  return { requests: (await requestsServed()) - before, data: result.body.data };
}

const gatewayCounter = (name: string, labels: Record<string, string> = {}) => counterAt(hub().gatewayUrl, name, labels);

const quiet = createLogger('gateway-without-merging', { level: 'error', format: 'pretty' });
let plain: { gateway: Gateway; http: RunningHttpServer };
let plainUrl: string;

beforeAll(async () => {
  // The same gateway with batching and merging off: what Apollo's executor sends by itself.
  const config = loadGatewayConfig({
    HUB_SIGNING_SECRET: hub().signingSecret,
    HUB_DATA_DIR: hub().dataDir,
    HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
    HUB_SUBGRAPH_BATCHING: 'false',
    HUB_SUBGRAPH_DEDUPLICATION: 'false',
    HUB_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const gateway = await createGateway(config, quiet);
  plain = { gateway, http: await listen(gateway.handler, { port: 0, host: '127.0.0.1' }) };
  plainUrl = `${plain.http.url}/graphql`;
});

afterAll(async () => {
  await plain?.http.close();
  await plain?.gateway.stop();
});

describe('the fetches of one plan step go to a subgraph together', () => {
  it.each(Object.entries(QUERIES))("%s: at most Hive Gateway's request count, the same answer as one request per fetch", async (name, { hive, query }) => {
    const batched = await requestsFor(query);
    const unbatched = await requestsFor(query, plainUrl);
    process.stderr.write(`subgraph requests, ${name}: ${unbatched.requests} one per fetch → ${batched.requests} batched (Hive Gateway: ${hive})\n`);
    expect(batched.data).toEqual(unbatched.data);
    expect(batched.requests).toBeGreaterThan(0);
    expect(batched.requests).toBeLessThanOrEqual(hive);
    expect(batched.requests).toBeLessThan(unbatched.requests);
  });

  it('counts the batched requests it sends in its metrics', async () => {
    const batched = { subgraph: 'organization', batched: 'true' };
    const before = await gatewayCounter('hub_subgraph_http_requests_total', batched);
    await requestsFor(QUERIES['conclusion → events → organizer, participants'].query);
    expect(await gatewayCounter('hub_subgraph_http_requests_total', batched)).toBeGreaterThan(before);
  });
});

describe('identical reads in flight are sent once', () => {
  const query = '{ committees(first: 64) { edges { node { code name level } } } }';

  it('answers 16 identical concurrent queries correctly with fewer subgraph requests, counting the merged fetches', async () => {
    const expected = (await graphql(query)).body.data;
    const mergedBefore = await gatewayCounter('hub_subgraph_fetches_merged_total');
    const before = await requestsServed();
    const answers = await Promise.all(Array.from({ length: 16 }, () => graphql(query)));
    const sent = (await requestsServed()) - before;
    const merged = (await gatewayCounter('hub_subgraph_fetches_merged_total')) - mergedBefore;
    process.stderr.write(`16 identical concurrent queries: ${sent} subgraph requests, ${merged} fetches merged\n`);
    for (const answer of answers) expect(answer.body.data).toEqual(expected);
    expect(merged).toBeGreaterThan(0);
    expect(sent + merged).toBe(16);
  });

  it('never merges mutations', async () => {
    // Two identical writes at once must each reach the subgraph; these are refused there (an
    // empty name), so nothing is stored. One alone first: how many requests a write costs.
    const writer = await token(['hub:read', 'hub:write']);
    const mutation = 'mutation { createCommittee(input: { code: "x-merge", name: "", level: CENTRAL, sources: ["doc-giao-ban-phia-bac"] }) { id } }';
    const write = async () => {
      const answer = await graphql(mutation, { token: writer });
      expect(answer.body.errors?.[0]?.message).toContain('input.name');
    };
    let before = await requestsServed();
    await write();
    const alone = (await requestsServed()) - before;
    before = await requestsServed();
    const mergedBefore = await gatewayCounter('hub_subgraph_fetches_merged_total');
    await Promise.all([write(), write()]);
    expect(alone).toBeGreaterThan(0);
    expect((await requestsServed()) - before).toBe(2 * alone);
    expect((await gatewayCounter('hub_subgraph_fetches_merged_total')) - mergedBefore).toBe(0);
  });
});

describe('only the gateway may send a batch', () => {
  const batch = JSON.stringify([{ query: '{ topics { code } }' }, { query: '{ __typename }' }]);
  const reader = { subject: 'e2e', scopes: ['hub:read' as const] };
  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(hub().subgraphUrls.knowledge!, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers a signed batch with one answer per operation', async () => {
    const result = await post(batch, signRequest(subgraphSecret(hub().signingSecret, 'knowledge'), reader, batch));
    expect(result.status).toBe(200);
    expect(result.body).toEqual([{ data: { topics: expect.any(Array) } }, { data: { __typename: 'Query' } }]);
  });

  it('answers each operation of a batch on its own, one it refuses included (the batch then has its status)', async () => {
    const mixed = JSON.stringify([{ query: '{ topics { code } }' }, { query: '{ noSuchField }' }]);
    const result = await post(mixed, signRequest(subgraphSecret(hub().signingSecret, 'knowledge'), reader, mixed));
    expect(result.status).toBe(400);
    const [good, refused] = result.body as Array<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }>;
    expect(good!.data).toEqual({ topics: expect.any(Array) });
    expect(refused!.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['not signed', () => ({}), 'not signed'],
    ['signed over another body (an operation added afterwards)', () => signRequest(subgraphSecret(hub().signingSecret, 'knowledge'), reader, JSON.stringify([{ query: '{ __typename }' }])), 'does not match'],
  ])('refuses a batch %s', async (_name, headers, reason) => {
    const result = await post(batch, headers());
    expect(result.status).toBe(401);
    expect(JSON.stringify(result.body)).toContain(reason);
  });
});

/**
 * What an operator's worst day looked like, row by row (issue: "Nothing lost, nothing stalls"),
 * as clients meet it through the gateway: abusive documents refused in milliseconds with the
 * figures, client mistakes answered as client errors naming the argument, and no answer that
 * shows the hub's internals (addresses, subgraph bodies, schema suggestions in production).
 */
import { createLogger, formatSubgraphUrls, listen, type RunningHttpServer } from '@hub/core';
import { createGateway, loadGatewayConfig, type Gateway } from '@hub/gateway';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';

const amplification = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: committees(first: 100) { edges { node { events { edges { node { organizer { positions { title } } } } } } } }`).join(' ')} }`;

function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Committee { name }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Committee { ${Array.from({ length: 10 }, () => `...F${level - 1}`).join(' ')} }`);
  return `{ committees(first: 1) { edges { node { ...F${levels} } } } } ${fragments.join(' ')}`;
}

describe('abusive documents cost a clear 400, not the hub\'s time', () => {
  it('refuses the 30-alias amplification before any subgraph, naming its cost and the limit', async () => {
    const started = performance.now();
    const { status, body } = await graphql(amplification);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 100_000 });
    expect(body.errors?.[0]?.message).toMatch(/would cost about \d+ .* at most 100000 \(HUB_MAX_COST\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Asked again (its cost now known), refused again.
    const again = await graphql(amplification);
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0]?.extensions?.cost).toBe(body.errors?.[0]?.extensions?.cost);
  });

  it('refuses the fragment bomb at once, and the gateway keeps answering others meanwhile', async () => {
    const [bomb, health] = await Promise.all([graphql(fragmentBomb(8)), fetch(hub().gatewayUrl.replace('/graphql', '/health/live'))]);
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(health.status).toBe(200);
  });

  it('refuses, before validating it, a document that would make validation quadratic (300 fragments side by side)', async () => {
    const sideBySide = `{ committees(first: 1) { edges { node { ${Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ')} } } } } ${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Committee { name }`).join(' ')}`;
    const { status, body } = await graphql(sideBySide);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/about 89700 field comparisons .* at most 2000/);
  });

  it('prices a page size left to a variable\'s default as that default', async () => {
    // Priced at the default page size (20 × 20) it would pass; at the variable's 100 × 100 it must not.
    const query = 'query ($n: Int = 100) { committees(first: $n) { edges { node { events(first: $n) { edges { node { organizer { positions { title } } } } } } } } }';
    const { status, body } = await graphql(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 140_301 });
  });

  it.each([
    ['committees with their events and participants', '{ committees(first: 64) { edges { node { name province { name region } events(first: 5) { totalCount edges { node { title participants { role person { fullName } } } } } } } } }'],
    // The guide's advice (first: 100) on a list with its nested lists, as an analyst asked it.
    ['a full page of people with their positions', '{ people(first: 100) { totalCount edges { node { id fullName positions { title role committee { name } agency { name } attestedOn { year month day text } } } } } }'],
  ])('serves a realistic analyst query (%s) and tells its cost', async (_, query) => {
    const { body } = await graphql(query);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost).toMatchObject({ estimated: expect.any(Number), limit: 100_000 });
  });

  it('loads the schema with the standard introspection query that IDEs send (deeper than HUB_MAX_DEPTH)', async () => {
    const { status, body } = await graphql(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('client mistakes are client errors', () => {
  it('answers an invalid date with BAD_USER_INPUT naming the argument, and no internals', async () => {
    const { status, body } = await graphql('{ events(filter: { from: "x" }) { totalCount } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('events(filter.from)');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\//);
  });

  it('answers an invalid date given in a variable the same way', async () => {
    const { status, body } = await graphql('query ($f: EventFilter) { events(filter: $f) { totalCount } }', { variables: { f: { from: '2020-13-45' } } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$f.from');
  });

  it('checks every request, not only the first of a document the gateway has cached', async () => {
    // The same document twice with a bad literal, then a fine document with a good and a bad variable.
    for (let i = 0; i < 2; i += 1) expect((await graphql('{ events(filter: { from: "2020-02-30" }) { totalCount } }')).status).toBe(400);
    const query = 'query ($f: EventFilter) { events(filter: $f) { totalCount } }';
    expect((await graphql(query, { variables: { f: { from: '2020-01-01' } } })).body.errors).toBeUndefined();
    expect((await graphql(query, { variables: { f: { from: '2020-01-01' } } })).body.errors).toBeUndefined();
    expect((await graphql(query, { variables: { f: { from: 'x' } } })).status).toBe(400);
  });

  it('answers a variable of the wrong built-in type with BAD_USER_INPUT naming it', async () => {
    const { status, body } = await graphql('query ($n: Int) { committees(first: $n) { totalCount } }', { variables: { n: 'ten' } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$n');
  });

  it('answers an unknown operationName with 400', async () => {
    const response = await fetch(hub().gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query A { topics { code } }', operationName: 'B' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('B');
  });
});

describe('a per-caller rate limit', () => {
  it('answers 429 with retry-after once a caller used its allowance, and serves other callers', async () => {
    const config = loadGatewayConfig({
      HUB_DATA_DIR: hub().dataDir,
      HUB_SIGNING_SECRET: hub().signingSecret,
      HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
      HUB_RATE_LIMIT_PER_MINUTE: '5',
    });
    const limited = await createGateway(config, createLogger('gateway-rate-limited', { level: 'error', format: 'pretty' }));
    const server = await listen(limited.handler, { port: 0, host: '127.0.0.1' });
    try {
      const url = `${server.url}/graphql`;
      for (let i = 0; i < 5; i += 1) expect((await graphql('{ topics { code } }', { url })).status).toBe(200);
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ topics { code } }"}' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // A made-up token buys no fresh allowance: it still counts against the address.
      expect((await graphql('{ topics { code } }', { url, token: 'made.up.token' })).status).toBe(429);
      // Another caller (a valid token) has its own allowance.
      expect((await graphql('{ topics { code } }', { url, token: await token(['hub:read']) })).status).toBe(200);
    } finally {
      await server.close();
      await limited.stop();
    }
  });
});

describe('production says nothing about internals', () => {
  let gateway: Gateway;
  let http: RunningHttpServer;
  let url: string;

  beforeAll(async () => {
    const config = loadGatewayConfig({
      HUB_ENV: 'production',
      HUB_JWT_SECRET: 'p'.repeat(40),
      HUB_ALLOW_ANONYMOUS: 'true',
      HUB_DATA_DIR: hub().dataDir,
      HUB_SIGNING_SECRET: hub().signingSecret,
      HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
    });
    gateway = await createGateway(config, createLogger('gateway-production', { level: 'error', format: 'pretty' }));
    http = await listen(gateway.handler, { port: 0, host: '127.0.0.1' });
    url = `${http.url}/graphql`;
  });
  afterAll(async () => {
    await http.close();
    await gateway.stop();
  });

  it('gives no field suggestions', async () => {
    const { body } = await graphql('{ peple { totalCount } }', { url });
    expect(body.errors?.[0]?.message).toContain('peple');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|people/);
  });

  it.each([
    ['an argument', '{ committees(frist: 1) { totalCount } }', 'frist', /"first"/],
    ['an enum value', '{ events(filter: { kind: CONFERENSE }) { totalCount } }', 'CONFERENSE', /CONFERENCE/],
    ['an input field', '{ events(filter: { knid: CONFERENCE }) { totalCount } }', 'knid', /"kind"/],
    ['a type', 'query ($f: EventFiltre) { events(filter: $f) { totalCount } }', 'EventFiltre', /"EventFilter"/],
    ['an enum value in a variable', 'query ($f: EventFilter) { events(filter: $f) { totalCount } }', 'CONFERENSE', /"CONFERENCE"/],
  ])('gives no suggestion for %s', async (_what, query, mistake, suggestion) => {
    const { status, body } = await graphql(query, { url, variables: { f: { kind: 'CONFERENSE' } } });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(mistake);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(suggestion);
  });

  it('names no library when refusing introspection', async () => {
    const { status, body } = await graphql('{ __schema { queryType { name } } }', { url });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toContain('HUB_INTROSPECTION');
    expect(JSON.stringify(body)).not.toMatch(/apollo/i);
  });

  it('names no library when refusing a request that could be a cross-site forgery', async () => {
    const forged = await fetch(`${url}?query=${encodeURIComponent('{ topics { code } }')}`);
    expect(forged.status).toBe(400);
    const text = await forged.text();
    expect(text).toContain('x-hub-preflight');
    expect(text).not.toMatch(/apollo/i);
    const marked = await fetch(`${url}?query=${encodeURIComponent('{ topics { code } }')}`, { headers: { 'x-hub-preflight': '1' } });
    expect(marked.status).toBe(200);
  });

  it('names no library in a refused token', async () => {
    const { status, body } = await graphql('{ topics { code } }', { url, token: 'abc.def.ghi' });
    expect(status).toBe(401);
    expect(JSON.stringify(body)).not.toMatch(/jose|JWS|JWT[A-Z]|apollo/i);
  });
});

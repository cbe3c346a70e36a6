/**
 * Security by default: callers are authenticated, subgraphs answer only the gateway, abusive or
 * broken requests are refused with a clear error before any subgraph is called.
 */
import { signRequest, subgraphSecret } from '@hub/core';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { describe, expect, it } from 'vitest';
import { graphql, hub, subgraphRequests, token } from './harness/client.js';

const TOPICS = '{ topics { code } }';

async function postToSubgraph(body: string, headers: Record<string, string>) {
  const response = await fetch(hub().subgraphUrls.knowledge!, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

/** The secret the gateway signs a given subgraph's requests with (each subgraph has its own). */
const secretOf = (subgraph: string) => subgraphSecret(hub().signingSecret, subgraph);

describe('subgraphs answer only requests the gateway signed', () => {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  const reader = { subject: 'e2e', scopes: ['hub:read' as const] };

  it('serve a correctly signed request (so the refusals below are about the signature)', async () => {
    const result = await postToSubgraph(body, signRequest(secretOf('knowledge'), reader, body));
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });

  it.each([
    ['no signature at all', () => ({}), 'not signed'],
    ['a signature made with another secret', () => signRequest('x'.repeat(40), reader, body), 'does not match'],
    // A partner (or a subgraph) that can sign for itself must not be able to act on another.
    ['a request signed for another subgraph', () => signRequest(secretOf('organization'), reader, body), 'does not match'],
    ['a request signed with the hub secret itself rather than the subgraph\'s', () => signRequest(hub().signingSecret, reader, body), 'does not match'],
    ['a signature over another body', () => signRequest(secretOf('knowledge'), reader, '{"query":"{ __typename }"}'), 'does not match'],
    ['a signature older than the validity window', () => signRequest(secretOf('knowledge'), reader, body, Date.now() - 5 * 60_000), 'expired'],
    [
      'an identity changed after signing',
      () => ({ ...signRequest(secretOf('knowledge'), reader, body), 'x-hub-identity': Buffer.from('{"sub":"x","scopes":["hub:admin"]}').toString('base64url') }),
      'does not match',
    ],
  ])('refuse %s', async (_, headers, reason) => {
    const before = await subgraphRequests('knowledge');
    const result = await postToSubgraph(body, headers());
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.errors?.[0]?.message).toContain(reason);
    expect(result.body.data).toBeUndefined();
    expect(await subgraphRequests('knowledge')).toBe(before + 1);
  });
});

describe('a captured subgraph request cannot be used again', () => {
  it('serves a signed request once and refuses the identical request after it', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = signRequest(secretOf('knowledge'), { subject: 'e2e', scopes: ['hub:read'] }, body);
    expect((await postToSubgraph(body, headers)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const replay = await postToSubgraph(body, headers);
      expect(replay.status).toBe(401);
      expect(replay.body.errors?.[0]?.message).toContain('already received once');
    }
  });

  it('refuses a request dated 50 s in the future', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const result = await postToSubgraph(body, signRequest(secretOf('knowledge'), { subject: 'e2e', scopes: ['hub:read'] }, body, Date.now() + 50_000));
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.message).toContain('dated in the future');
  });
});

describe('subgraphs check scopes themselves too', () => {
  // Defence in depth: even a correctly signed request may write only with the writer's scope.
  it('refuses a signed mutation whose forwarded identity lacks hub:write', async () => {
    const body = JSON.stringify({ query: 'mutation { createPerson(input: { fullName: "Không Được", sources: ["doc-giao-ban-phia-bac"] }) { id } }' });
    const headers = signRequest(secretOf('organization'), { subject: 'reader', scopes: ['hub:read'] }, body);
    const response = await fetch(hub().subgraphUrls.organization!, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const result = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(result.errors?.[0]?.message).toBe('createPerson needs the hub:write scope, which the caller does not have.');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    const check = await graphql('{ person(id: "khong-duoc") { id } }');
    expect(check.body.data?.person).toBeNull();
  });
});

describe('the gateway authenticates callers', () => {
  it('accepts a valid token and, in development, an anonymous reader', async () => {
    expect((await graphql(TOPICS, { token: await token(['hub:read']) })).status).toBe(200);
    expect((await graphql(TOPICS)).status).toBe(200);
  });

  it.each([
    ['a malformed token', async () => 'not.a.jwt', 'not valid'],
    ['a token signed with another key', async () => mintToken({ secret: 'y'.repeat(40), subject: 'e2e', scopes: ['hub:read'], expiresIn: '5m' }), 'not signed with this hub'],
    [
      'a token for another audience',
      async () => mintToken({ secret: await developmentJwtSecret(hub().dataDir), subject: 'e2e', scopes: ['hub:read'], expiresIn: '5m', audience: 'elsewhere' }),
      '"aud"',
    ],
  ])('answers 401 to %s', async (_, makeToken, message) => {
    const result = await graphql(TOPICS, { token: await makeToken() });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.errors?.[0]?.message).toContain(message);
  });

  it('answers 401 to an expired token', async () => {
    const expiring = await token(['hub:read'], '1s');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const result = await graphql(TOPICS, { token: expiring });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.message).toContain('expired');
  });

  it('answers 401 to an Authorization header that is not a bearer token', async () => {
    const result = await graphql(TOPICS, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.message).toContain('Bearer');
  });
});

describe('limits stop abusive queries before any subgraph is called', () => {
  const nested = (depth: number) => `{ committees { edges { node { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } } } }`;

  it.each([
    ['too deep', nested(14), 'levels deep', 'HUB_MAX_DEPTH'],
    ['too many aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: topics { code }`).join(' ')} }`, 'aliases', 'HUB_MAX_ALIASES'],
    ['too many tokens', `{ topics { ${'code '.repeat(3100)} } }`, 'tokens', ''],
  ])('refuses a query %s', async (_, query, message, variable) => {
    const before = await Promise.all(['organization', 'events', 'knowledge'].map(subgraphRequests));
    const result = await graphql(query);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toContain(message);
    expect(result.body.errors?.[0]?.message).toContain(variable);
    expect(await Promise.all(['organization', 'events', 'knowledge'].map(subgraphRequests))).toEqual(before);
  });

  it('lets a query just inside the depth limit through', async () => {
    const result = await graphql(nested(8));
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });
});

describe('broken requests get a 4xx with a message, never a 500', () => {
  const post = (body: string, contentType = 'application/json') =>
    fetch(hub().gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('malformed JSON → 400 naming JSON', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('not valid JSON');
  });

  it('malformed GraphQL → 400 with the syntax error', async () => {
    const result = await graphql('{ topics { code ');
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toContain('Syntax Error');
  });

  it('an unknown field → 400 naming it', async () => {
    const result = await graphql('{ topics { colour } }');
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toContain('colour');
  });

  it('batched operations → 400', async () => {
    const response = await post(JSON.stringify([{ query: TOPICS }, { query: TOPICS }]));
    expect(response.status).toBe(400);
  });

  it('a body over the size limit → 413', async () => {
    const response = await post(JSON.stringify({ query: TOPICS, variables: { padding: 'x'.repeat(300_000) } }));
    expect(response.status).toBe(413);
  });

  it('a form-encoded POST (a CSRF vector) → 400', async () => {
    const response = await post(`query=${encodeURIComponent(TOPICS)}`, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
  });
});

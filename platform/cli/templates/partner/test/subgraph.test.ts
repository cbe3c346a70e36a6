import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartnerSchema, NOTES } from '../src/schema.js';
import { createPartnerServer } from '../src/server.js';

const secret = 'test-secret-0123456789abcdef0123456789';
let url: string;
let close: () => Promise<void>;

/** Signs as the hub's gateway does (PARTNERS.md, "The signature, specified"). */
function sign(body: string) {
  const timestamp = String(Date.now());
  const nonce = randomBytes(16).toString('base64url');
  const identity = Buffer.from(JSON.stringify({ sub: 'tester', scopes: ['hub:read'] })).toString('base64url');
  const hash = createHash('sha256').update(body).digest('hex');
  const mac = createHmac('sha256', secret).update(`v1\n${timestamp}\n${nonce}\n${identity}\n${hash}`).digest('hex');
  return { 'x-hub-timestamp': timestamp, 'x-hub-nonce': nonce, 'x-hub-identity': identity, 'x-hub-signature': `v1=${mac}` };
}

async function post(query: string, variables?: unknown, signed = true) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signed ? sign(body) : {}) }, body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

beforeAll(async () => {
  NOTES['example-event'] = [{ text: 'An example note.' }];
  const server = createPartnerServer((await buildPartnerSchema()).schema, [secret]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe('the partner subgraph', () => {
  it('prints a Federation 2 SDL that extends the hub\'s Event with a nullable field', async () => {
    const { sdl } = await buildPartnerSchema();
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    expect(sdl).toMatch(/type Event @key\(fields: "id"\)/);
    expect(sdl).toMatch(/notes: \[Note!\]\n/);
  });

  it('resolves the hub\'s events by key for a signed request', async () => {
    const result = await post('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id notes { text } } } }', { r: [{ __typename: 'Event', id: 'example-event' }] });
    expect(result.body.data._entities).toEqual([{ id: 'example-event', notes: [{ text: 'An example note.' }] }]);
  });

  it('refuses unsigned requests', async () => {
    expect((await post('{ __typename }', undefined, false)).status).toBe(401);
  });
});

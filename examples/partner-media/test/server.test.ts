import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaData } from '../src/schema.js';
import { createMediaServer } from '../src/server.js';
import { sign } from './sign.js';

const secret = 'media-secret-for-tests-0123456789abcdef';
const data = JSON.parse(readFileSync(new URL('./fixtures/example-coverage.json', import.meta.url), 'utf8')) as MediaData;
const server = createMediaServer({ secrets: [secret], data });
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string }> } };
}

describe('the media partner', () => {
  it('answers the hub: its SDL, its outlets, and coverage for an event by key', async () => {
    const sdl = JSON.stringify({ query: '{ _service { sdl } }' });
    expect((await post(sdl, sign(secret, sdl))).body.data._service.sdl).toContain('coverage: [Coverage!]');
    const entities = JSON.stringify({
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id coverage { headline outlet { name } } } } }',
      variables: { r: [{ __typename: 'Event', id: 'giao-ban-ttdn-khu-vuc-phia-bac' }, { __typename: 'Event', id: 'no-coverage' }] },
    });
    const result = await post(entities, sign(secret, entities));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data._entities[0].coverage).toHaveLength(2);
    expect(result.body.data._entities[1].coverage).toEqual([]);
  });

  it('refuses what the hub did not sign, and answers health checks', async () => {
    const query = JSON.stringify({ query: '{ outlets { id } }' });
    expect((await post(query, {})).status).toBe(401);
    expect((await post(query, sign('someone-else-xxxxxxxxxxxxxxxxxxxxxxxx', query))).status).toBe(401);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

/**
 * Logs: one line per request a collector can join on (trace id, operation, client, time,
 * outcome), and never a credential. The hub here runs on its own with every log line captured
 * at debug level, takes requests with tokens (valid, forged, expired-looking) and signing
 * headers, and every line is searched for the token, the signing secret and the JWT secret.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@hub/gateway';
import { SIGNATURE_HEADERS, signRequest, subgraphSecret } from '@hub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, startLauncher, type Started } from './harness/launcher.js';

const JWT_SECRET = 'jwt-secret-that-must-never-be-logged-0123456789';
const SIGNING_SECRET = 'signing-secret-that-must-never-be-logged-98765';

describe('logs', () => {
  let dataDir: string;
  let hub: Started;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hub-logs-'));
    hub = await startLauncher(dataDir, {
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      HUB_DOCUMENTS_DIR: 'none',
      HUB_JWT_SECRET: JWT_SECRET,
      HUB_SIGNING_SECRET: SIGNING_SECRET,
    });
    token = await mintToken({ secret: JWT_SECRET, subject: 'log-test', scopes: ['hub:write'], expiresIn: '10m' });
  }, 180_000);

  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    if (hub) await exitOf(hub.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('writes one JSON line per request with trace id, operation, client, duration and outcome, and no credential anywhere', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const ok = await post(
      { query: 'query LoggedQuery { provinces { code } }', operationName: 'LoggedQuery' },
      { authorization: `Bearer ${token}`, 'apollographql-client-name': 'log-test-client', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(ok.status).toBe(200);
    // A forged token, a mutation with a token, and a request carrying made-up signing headers.
    await post({ query: '{ provinces { code } }' }, { authorization: `Bearer ${token}x` });
    await post({ query: 'mutation Broken { nothingHere }', operationName: 'Broken' }, { authorization: `Bearer ${token}` });
    const forged = signRequest(subgraphSecret(SIGNING_SECRET, 'organization'), { subject: 'intruder', scopes: ['hub:admin'] }, '{}');
    await post({ query: '{ provinces { code } }' }, { ...forged, authorization: `Bearer ${token}` });

    await new Promise((resolve) => setTimeout(resolve, 500));
    const lines = hub.output().split('\n').filter((line) => line.startsWith('{'));
    const served = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.message === 'served');
    const gatewayLine = served.find((entry) => entry.name === 'gateway' && entry.operation === 'LoggedQuery');
    expect(gatewayLine).toMatchObject({ level: 'info', traceId, client: 'log-test-client', outcome: 'ok' });
    expect(typeof gatewayLine!.ms).toBe('number');
    // The subgraph that answered logs its part too (joined by trace id when tracing is on: tracing.e2e.ts).
    expect(served.some((entry) => entry.name === 'organization' && entry.outcome === 'ok' && entry.client === 'log-test')).toBe(true);
    expect(served.some((entry) => entry.operation === 'Broken' && entry.outcome === 'client_error')).toBe(true);

    const everything = hub.output();
    expect(everything.length).toBeGreaterThan(1000);
    const [, , signature] = token.split('.');
    for (const secret of [token, signature!, JWT_SECRET, SIGNING_SECRET, subgraphSecret(SIGNING_SECRET, 'organization'), forged[SIGNATURE_HEADERS.signature]!, forged[SIGNATURE_HEADERS.nonce]!]) {
      expect(everything.includes(secret), `a log line holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  }, 60_000);
});

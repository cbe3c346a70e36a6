/**
 * Logs: one line per request a collector can join on (trace id, operation, client, time,
 * outcome), and never a credential. The hub here runs on its own with every log line captured
 * at debug level, takes requests with tokens (valid, forged, expired-looking) and signing
 * headers, and every line is searched for the token, the signing secret and the JWT secret.
 * Tracing is on (spans to a receiver in this test, with a collector credential in
 * OTEL_EXPORTER_OTLP_HEADERS) and the audit log is read: neither the spans nor any line may
 * hold a credential either.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@hub/gateway';
import { SIGNATURE_HEADERS, signRequest, subgraphSecret } from '@hub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, startLauncher, type Started } from './harness/launcher.js';
import { otlpReceiver } from './harness/otlp-receiver.js';

const JWT_SECRET = 'jwt-secret-that-must-never-be-logged-0123456789';
const SIGNING_SECRET = 'signing-secret-that-must-never-be-logged-98765';
const COLLECTOR_SECRET = 'collector-credential-that-must-never-be-logged-4242';

describe('logs', () => {
  let dataDir: string;
  let hub: Started;
  let token: string;
  let admin: string;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    dataDir = await mkdtemp(join(tmpdir(), 'hub-logs-'));
    hub = await startLauncher(dataDir, {
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      HUB_DOCUMENTS_DIR: 'none',
      HUB_JWT_SECRET: JWT_SECRET,
      HUB_SIGNING_SECRET: SIGNING_SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${COLLECTOR_SECRET}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    token = await mintToken({ secret: JWT_SECRET, subject: 'log-test', scopes: ['hub:write'], expiresIn: '10m', tokenId: 'log-test-token' });
    admin = await mintToken({ secret: JWT_SECRET, subject: 'log-admin', scopes: ['hub:admin'], expiresIn: '10m' });
  }, 180_000);

  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    if (hub) await exitOf(hub.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await receiver?.close();
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

    // A write (audit entry, write log), the audit log read back, and a bad --since.
    const wrote = await post(
      { query: 'mutation LoggedWrite($input: PersonInput!) { createPerson(input: $input) { id } }', variables: { input: { fullName: 'Người Ghi Nhật Ký', sources: ['doc-giao-ban-phia-bac'] } } },
      { authorization: `Bearer ${token}` },
    );
    expect(((await wrote.json()) as { errors?: unknown }).errors).toBeUndefined();
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    for (const path of ['/registry/audit/verify', '/registry/audit/entries?subject=log-test', '/registry/audit/entries?since=whenever', '/registry/audit/writes?since=1h']) {
      const answer = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(answer.status, path).toBe(path.includes('whenever') ? 400 : 200);
    }

    await new Promise((resolve) => setTimeout(resolve, 1500));
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
    // The spans made it, with the collector credential as a header and nowhere else.
    expect(receiver.spans.some((span) => span.service === 'organization' && span.name === 'mongodb insert')).toBe(true);
    expect(receiver.headers.every((headers) => headers.authorization === `Bearer ${COLLECTOR_SECRET}`)).toBe(true);
    const spans = receiver.bodies.join('\n');
    const [, , adminSignature] = admin.split('.');
    for (const secret of [token, signature!, admin, adminSignature!, JWT_SECRET, SIGNING_SECRET, COLLECTOR_SECRET, subgraphSecret(SIGNING_SECRET, 'organization'), forged[SIGNATURE_HEADERS.signature]!, forged[SIGNATURE_HEADERS.nonce]!]) {
      expect(everything.includes(secret), `a log line holds ${secret.slice(0, 12)}…`).toBe(false);
      expect(spans.includes(secret), `a span holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  }, 60_000);
});

/**
 * Tracing: an operator asking "why was this request slow" finds ONE trace for a query that
 * crosses all three subgraphs, with spans from the gateway and every subgraph (parse, validate,
 * plan, each fetch, each loader batch, each database command), joined by W3C traceparent. The
 * hub here runs on its own with OTEL_* pointing at an OTLP/HTTP receiver inside this test; a
 * second hub is given a collector that is not there and a bad OTEL_* value, and keeps serving.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, startLauncher, type Started } from './harness/launcher.js';
import { otlpReceiver } from './harness/otlp-receiver.js';

const CROSS_SUBGRAPH = 'query TracedConclusion { conclusion(number: "57-KL/TW") { title events { title organizer { name } } } }';

async function stop(hub: Started | undefined, dataDir: string | undefined) {
  hub?.child.kill('SIGTERM');
  if (hub) await exitOf(hub.child);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

describe('tracing', () => {
  let dataDir: string;
  let hub: Started;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    dataDir = await mkdtemp(join(tmpdir(), 'hub-tracing-'));
    hub = await startLauncher(dataDir, {
      LOG_FORMAT: 'json',
      HUB_DOCUMENTS_DIR: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, 180_000);

  afterAll(async () => {
    await stop(hub, dataDir);
    await receiver?.close();
  });

  it('gives one cross-subgraph query one trace, with spans from the gateway and all three subgraphs', async () => {
    const answer = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CROSS_SUBGRAPH }) });
    const body = (await answer.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.conclusion.events.length).toBeGreaterThan(0);

    // The gateway's request log names the trace; its spans arrive within a few batches.
    let traceId: string | undefined;
    const wanted = ['gateway', 'knowledge', 'events', 'organization'];
    for (let waited = 0; waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const served = hub.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)).find((line) => line.message === 'served' && line.name === 'gateway' && line.operation === 'TracedConclusion');
      traceId = served?.traceId;
      const services = new Set(receiver.spans.filter((span) => span.traceId === traceId).map((span) => span.service));
      if (traceId && wanted.every((service) => services.has(service))) break;
    }
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const trace = receiver.spans.filter((span) => span.traceId === traceId);
    expect(new Set(trace.map((span) => span.service))).toEqual(new Set(wanted));

    // One trace: every span but the gateway's server span has its parent inside the trace.
    const ids = new Set(trace.map((span) => span.spanId));
    const roots = trace.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId));
    expect(roots.map((span) => `${span.service}:${span.name}`)).toEqual(['gateway:POST /graphql']);

    const names = (service: string) => trace.filter((span) => span.service === service).map((span) => span.name);
    expect(names('gateway')).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate', 'gateway.plan', 'gateway.fetch', 'POST knowledge', 'POST events', 'POST organization']));
    for (const subgraph of ['knowledge', 'events', 'organization']) {
      expect(names(subgraph)).toContain('POST /graphql');
      expect(names(subgraph).some((name) => name.startsWith('mongodb '))).toBe(true);
      // Each subgraph's server span hangs under the gateway's fetch of it.
      const server = trace.find((span) => span.service === subgraph && span.name === 'POST /graphql')!;
      expect(trace.find((span) => span.spanId === server.parentSpanId)).toMatchObject({ service: 'gateway', name: `POST ${subgraph}` });
    }
    expect(names('events').some((name) => name.startsWith('dataloader '))).toBe(true);
    const find = trace.find((span) => span.service === 'knowledge' && span.name === 'mongodb find');
    expect(find?.attributes).toMatchObject({ 'db.system.name': 'mongodb', 'db.namespace': 'hub_knowledge' });
  }, 60_000);

  it("carries the trace on when a subgraph asks another (a write checking its references)", async () => {
    const writer = await mintToken({ secret: await developmentJwtSecret(dataDir), subject: 'tracer', scopes: ['hub:write'], expiresIn: '5m' });
    const traceId = randomBytes(16).toString('hex');
    const answer = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writer}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({
        query: 'mutation ($input: EventInput!) { createEvent(input: $input) { id } }',
        variables: { input: { title: 'Giao ban có vết', kind: 'BRIEFING', date: { year: 2024, month: 3 }, organizerId: 'ban-chi-dao-ttdn-tw', sources: ['doc-giao-ban-phia-bac'] } },
      }),
    });
    expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
    // events asks organization (the organizer) and knowledge (the sources) whether they exist.
    let asked: ReturnType<typeof receiver.spans.filter> = [];
    for (let waited = 0; waited < 10_000 && asked.length < 2; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const trace = receiver.spans.filter((span) => span.traceId === traceId);
      asked = trace.filter((span) => span.name === 'POST /graphql' && span.service !== 'events' && span.service !== 'gateway' && trace.find((parent) => parent.spanId === span.parentSpanId)?.service === 'events');
    }
    expect(new Set(asked.map((span) => span.service))).toEqual(new Set(['organization', 'knowledge']));
  }, 30_000);
});

describe('tracing with a collector that is not there and a bad OTEL_* value', () => {
  let dataDir: string;
  let hub: Started;

  beforeAll(async () => {
    const closed = await otlpReceiver();
    await closed.close();
    dataDir = await mkdtemp(join(tmpdir(), 'hub-tracing-down-'));
    hub = await startLauncher(dataDir, {
      LOG_FORMAT: 'json',
      HUB_DOCUMENTS_DIR: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: closed.url,
      OTEL_TRACES_SAMPLER: 'sometimes',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_EXPORTER_OTLP_TIMEOUT: '2000',
    });
  }, 180_000);

  afterAll(() => stop(hub, dataDir));

  it('keeps serving, and says so once per process', async () => {
    for (let i = 0; i < 5; i += 1) {
      const answer = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CROSS_SUBGRAPH }) });
      expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const logLines = () => hub.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { name: string; level: string; message: string });
    const unreachableOf = (service: string) => logLines().filter((line) => line.name === service && line.message.startsWith('traces cannot be sent'));
    // The exporter retries with back-off before giving up on a batch; later batches fail too.
    for (let waited = 0; waited < 20_000 && unreachableOf('gateway').length === 0; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const lines = logLines();
    const unreachable = lines.filter((line) => line.message.startsWith('traces cannot be sent'));
    expect(unreachable.filter((line) => line.name === 'gateway')).toHaveLength(1);
    expect(unreachable.every((line) => line.level === 'warn')).toBe(true);
    const badValue = lines.filter((line) => line.name === 'gateway' && line.message.includes('OTEL_TRACES_SAMPLER must be one of'));
    expect(badValue).toHaveLength(1);
    expect(badValue[0]!.message).toContain('got "sometimes"');
  }, 60_000);
});

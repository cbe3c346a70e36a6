/**
 * `npm run bench:exports`: figures for the reporting tools, printed, never asserted. Starts a
 * hub on the embedded store (fresh temporary folder, free ports), then
 *
 * 1. fetches `events-with-participants.csv` on the seed BENCH_ROUNDS times: rows per second;
 * 2. adds BENCH_EVENTS synthetic events (through createEvent, BENCH_PARTICIPANTS participants
 *    each, people and committees of the seed) and streams the same report while sampling the
 *    gateway's resident memory (its /metrics) every 25 ms, with pages of 10 and of 100 events
 *    and with the export's own page size (500 events, when the caller gives none), then a wide
 *    ad hoc export (each row repeats its event's title 30 times) whose answer is many times any
 *    page: rows per second, and the gateway's peak RSS beside the answer's size.
 *
 * The client counts the rows as bytes arrive and keeps none of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { loadLauncherConfig, startHub } from '@hub/launcher';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 30);

const dataDir = await mkdtemp(join(tmpdir(), 'hub-bench-exports-'));
const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_DOCUMENTS_DIR: 'none', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
const hub = await startHub({ config, env: { LOG_LEVEL: 'warn', HUB_RATE_LIMIT_PER_MINUTE: '10000000', HUB_SUBGRAPH_TIMEOUT_MS: '120000' }, log: createLogger('bench', { level: 'warn', format: 'pretty' }) });
const base = hub.gatewayUrl.replace(/\/graphql$/, '');
const token = await mintToken({ secret: await developmentJwtSecret(dataDir), subject: 'bench', scopes: ['hub:read', 'hub:write'], expiresIn: '2h' });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function graphql(query: string, variables?: unknown): Promise<any> {
  const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function gatewayRss(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_resident_memory_bytes'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

/** Streams an export, counting rows and bytes as they arrive. */
async function stream(path: string, body?: unknown): Promise<{ rows: number; bytes: number; ms: number }> {
  const began = performance.now();
  const response = await fetch(`${base}${path}`, body === undefined ? { headers: { authorization: `Bearer ${token}` } } : { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
  }
  return { rows: lines - 1, bytes, ms: performance.now() - began };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  console.log(`events-with-participants.csv on the seed, ${ROUNDS} sequential fetches (after 3 warm-up):`);
  for (let i = 0; i < 3; i += 1) await stream('/reports/events-with-participants.csv');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const run = await stream('/reports/events-with-participants.csv');
    times.push(run.ms);
    rows = run.rows;
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  console.log(`  ${rows} rows per fetch; p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms; ${Math.round((rows * ROUNDS) / (total / 1000))} rows/s`);

  const people = (await graphql('{ people(first: 100) { edges { node { id } } } }')).people.edges.map((e: any) => e.node.id);
  const committees = (await graphql('{ committees(first: 100) { edges { node { id } } } }')).committees.edges.map((e: any) => e.node.id);
  console.log(`\nadding ${EVENTS} synthetic events with ${PARTICIPANTS} participants each (createEvent, 2 at a time)…`);
  const began = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (next < EVENTS) {
        const n = next++;
        const participants = Array.from({ length: PARTICIPANTS }, (_, i) => (i % 3 === 0 ? { role: 'ATTENDEE', personId: people[(n + i) % people.length], title: `Đại biểu ${i}` } : { role: 'ATTENDEE', committeeId: committees[(n + i) % committees.length] }));
        await graphql('mutation ($input: EventInput!) { createEvent(input: $input) { id } }', {
          input: { code: `bench-event-${n}`, title: `Hội nghị thử nghiệm số ${n}, "trích dẫn", dấu phẩy`, kind: 'CONFERENCE', date: { year: 2000 + (n % 25), month: 1 + (n % 12), day: 1 + (n % 28) }, participants, sources: ['doc-giao-ban-phia-bac'] },
        });
      }
    }),
  );
  console.log(`  done in ${((performance.now() - began) / 1000).toFixed(1)} s`);

  // The smaller page first: resident memory rarely shrinks, so a larger peak would hide it.
  console.log(`\nevents-with-participants.csv on the seed plus ${EVENTS} events, streamed while sampling the gateway's RSS:`);
  // A wide ad hoc export: each participation row repeats its event's title 30 times (aliases),
  // in pages of 10 events, so the answer is many times what the gateway holds for any one page.
  const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: title`).join(' ');
  const wide = { query: `{ events(first: 10) { edges { node { ${aliases} participants { role } } } } }`, columns: [...Array.from({ length: 30 }, (_, i) => `t${i}`), 'participants.role'], explode: ['participants'] };
  const runs: Array<[string, string, unknown]> = [
    ['pages of  10 events', '/reports/events-with-participants.csv?first=10', undefined],
    ['pages of 100 events', '/reports/events-with-participants.csv?first=100', undefined],
    // The page size left to the export: the hub's own subgraphs serve an export pages of 500.
    ['the export\'s pages ', '/reports/events-with-participants.csv', undefined],
    ['wide, pages of 10  ', '/export.csv', wide],
  ];
  for (const [label, path, body] of runs) {
    const idle = await gatewayRss();
    let peak = idle;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await gatewayRss());
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const large = await stream(path, body);
    sampling = false;
    await sampler;
    console.log(`  ${label}: ${large.rows} rows, ${mb(large.bytes)} in ${(large.ms / 1000).toFixed(1)} s (${Math.round(large.rows / (large.ms / 1000))} rows/s); gateway RSS ${mb(idle)} before, ${mb(peak)} at most (+${mb(peak - idle)})`);
  }
} finally {
  await hub.stop();
  await rm(dataDir, { recursive: true, force: true });
}

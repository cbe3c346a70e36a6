/**
 * `npm run bench:tracing`: what tracing costs, printed, never asserted. Starts two hubs on the
 * embedded store side by side — tracing off (no OTEL_* set, the default) and on (spans sent to
 * a receiver in this process that only counts them) — and sends the same cross-subgraph query
 * to each in turn; then times the hooks the hub calls on every request when tracing is off.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, inSpan, traceHeaders, tracingEnabled } from '@hub/core';
import { loadLauncherConfig, startHub } from '@hub/launcher';

const QUERY = '{ conclusion(number: "57-KL/TW") { number events { title organizer { name } participants { role person { fullName } } sources { title } } } }';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

let spansReceived = 0;
const sink = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    spansReceived += 1;
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;

async function startOne(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-bench-tracing-'));
  const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_DOCUMENTS_DIR: 'none', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
  const hub = await startHub({ config, env: { LOG_LEVEL: 'warn', HUB_RATE_LIMIT_PER_MINUTE: '10000000', ...env }, log: createLogger('bench', { level: 'warn', format: 'pretty' }) });
  const post = async () => {
    const started = performance.now();
    const response = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
    return performance.now() - started;
  };
  return { post, stop: async () => {
    await hub.stop();
    await rm(dataDir, { recursive: true, force: true });
  } };
}

function row(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(40)} ${percentile(sorted, 50).toFixed(2).padStart(8)} ${percentile(sorted, 90).toFixed(2).padStart(8)} ${percentile(sorted, 99).toFixed(2).padStart(8)}`);
}

// Both hubs run side by side and take turns, so a busy machine slows both alike.
const off = await startOne({});
const on = await startOne({ OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl, OTEL_BSP_SCHEDULE_DELAY: '200' });
try {
  for (let i = 0; i < 30; i += 1) {
    await off.post();
    await on.post();
  }
  const offTimes: number[] = [];
  const onTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    offTimes.push(await off.post());
    onTimes.push(await on.post());
  }
  console.log(`latency of one cross-subgraph query (knowledge → events → organization), ${ROUNDS} requests to each hub in turn after 30 warm-up, ms:`);
  console.log(`  ${''.padEnd(40)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)}`);
  row('tracing off (default)', offTimes);
  row('tracing on (OTLP/HTTP protobuf, sampled)', onTimes);
  const median = (times: number[]) => percentile([...times].sort((a, b) => a - b), 50);
  console.log(`  tracing on adds ${(median(onTimes) - median(offTimes)).toFixed(2)} ms at the median; ${spansReceived} export batches received`);

  // In this process tracing was never started: these are the no-op paths every request takes when it is off.
  if (tracingEnabled()) throw new Error('tracing should be off in the bench process');
  const N = 200_000;
  let started = performance.now();
  for (let i = 0; i < N; i += 1) await inSpan('bench', {}, async () => i);
  const inSpanNs = ((performance.now() - started) * 1e6) / N;
  started = performance.now();
  for (let i = 0; i < N; i += 1) await (async () => i)();
  const bareNs = ((performance.now() - started) * 1e6) / N;
  started = performance.now();
  for (let i = 0; i < N; i += 1) traceHeaders();
  const headersNs = ((performance.now() - started) * 1e6) / N;
  console.log(`\nwith tracing off, per call (${N} calls): inSpan around an async function ${inSpanNs.toFixed(0)} ns (the bare async call: ${bareNs.toFixed(0)} ns), traceHeaders ${headersNs.toFixed(0)} ns`);
  console.log('  a request makes a handful of such calls (one per subgraph fetch and loader batch); database-command spans are skipped outright');
} finally {
  await off.stop();
  await on.stop();
  sink.close();
}

/**
 * `npm run bench`: figures for reporting tools, printed, never asserted. Starts a hub on the
 * embedded store (fresh temporary folder, free ports), then measures the latency of
 * cross-subgraph queries through the gateway and the database commands behind each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { loadLauncherConfig, startHub } from '@hub/launcher';
import { facts } from '@hub/seed';

const QUERIES: Record<string, string> = {
  'conclusion → events → organizer, participants': `{ conclusion(number: "57-KL/TW") { number events { title date { iso } organizer { name level }
      participants { role title person { fullName } committee { name } agency { name } } sources { title } } } }`,
  'committees (64) → province, parent, events → conclusions': `{ committees(first: 64) { edges { node { name province { name region } parent { code }
      events(first: 5) { totalCount edges { node { title conclusions { number } strategies { code } } } } } } } }`,
  'events → participants → people → positions': `{ events(first: 20) { edges { node { title participants { role person { fullName positions { title role committee { name } agency { name } } } } } } } }`,
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function commands(baseUrls: string[]): Promise<number[]> {
  return Promise.all(
    baseUrls.map(async (base) => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return text
        .split('\n')
        .filter((line) => line.startsWith('hub_db_commands_total') && !/command="(hello|isMaster|ping|endSessions)"/.test(line))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    }),
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'hub-bench-'));
const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
// Thousands of sequential requests from one address: the per-caller rate limit would cut them off.
const hub = await startHub({ config, env: { LOG_LEVEL: 'warn', HUB_RATE_LIMIT_PER_MINUTE: '10000000' }, log: createLogger('bench', { level: 'warn', format: 'pretty' }) });
try {
  console.log('records seeded per type:');
  for (const [kind, records] of Object.entries(facts)) console.log(`  ${kind.padEnd(12)} ${records.length}`);
  const names = Object.keys(hub.subgraphUrls);
  const bases = Object.values(hub.subgraphUrls).map((url) => url.replace(/\/graphql$/, ''));
  const post = async (query: string) => {
    const response = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  };
  console.log(`\nlatency through the gateway, ${ROUNDS} sequential requests each (after 20 warm-up):`);
  console.log(`  ${'query'.padEnd(58)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)}   db commands per request (${names.join(' / ')})`);
  for (const [name, query] of Object.entries(QUERIES)) {
    for (let i = 0; i < 20; i += 1) await post(query);
    const before = await commands(bases);
    await post(query);
    const after = await commands(bases);
    const perRequest = after.map((count, i) => count - before[i]!);
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const started = performance.now();
      await post(query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(8);
    console.log(`  ${name.padEnd(58)} ${ms(percentile(times, 50))} ${ms(percentile(times, 90))} ${ms(percentile(times, 99))}   ${perRequest.join(' / ')}`);
  }
} finally {
  await hub.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * `npm run soak`: the hub under a steady mixed load for a bounded time (SOAK_MINUTES, default 3;
 * SOAK_CONCURRENCY, default 8), printing every 30 s the memory (RSS) of every process and the
 * counts of answers and errors, so a leak or a slow failure shows as a trend. Figures, not a
 * test: it never fails on a number. Starts its own hub on a fresh folder and free ports.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { loadLauncherConfig, startHub } from '@hub/launcher';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const REPORT_EVERY_MS = 30_000;

const READS = [
  '{ committees(first: 64) { edges { node { name province { name region } events(first: 5) { totalCount } } } } }',
  '{ conclusion(number: "57-KL/TW") { title events { title organizer { name } participants { role person { fullName } } } } }',
  '{ events(first: 20) { edges { node { title date { iso } participants { role committee { name } } } } } }',
  '{ people(first: 20) { totalCount edges { node { fullName positions { title committee { name } } } } } }',
  '{ documents(filter: { search: "thong tin doi ngoai" }) { totalCount edges { node { title } } } }',
];

const dataDir = await mkdtemp(join(tmpdir(), 'hub-soak-'));
const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
process.stderr.write(`soak: starting a hub in ${dataDir}…\n`);
const hub = await startHub({ config, log: createLogger('soak', { level: 'warn', format: 'pretty' }), env: { LOG_LEVEL: 'warn', HUB_RATE_LIMIT_PER_MINUTE: '10000000' } });
const writer = await mintToken({ secret: await developmentJwtSecret(dataDir), subject: 'soak', scopes: ['hub:read', 'hub:write'], expiresIn: '2h' });

/** The hub's processes (children of this one, and the store's own) with their RSS in MB. */
function memory(): Array<{ name: string; rssMb: number }> {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const named = lines.flatMap((line) => {
    const [pid, ...args] = line.trim().split(/\s+/);
    const command = args.join(' ');
    if (command.startsWith('ps ')) return [];
    const name = /ferretdb-hub/.test(command) ? 'store' : /gateway/.test(command) ? 'gateway' : (/subgraphs\/(\w+)/.exec(command)?.[1] ?? command.slice(0, 30));
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return []; // ended meanwhile (a restart)
    }
    return [{ name, rssMb: Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) }];
  });
  return [{ name: 'launcher+load', rssMb: Math.round(process.memoryUsage().rss / 1_048_576) }, ...named];
}

const counts = { ok: 0, errors: 0, writes: 0, failedWrites: 0 };
const errorSamples = new Map<string, number>();
const deadline = Date.now() + MINUTES * 60_000;

async function worker(id: number): Promise<void> {
  for (let i = 0; Date.now() < deadline; i += 1) {
    const isWrite = i % 10 === 9;
    const body = isWrite
      ? { query: 'mutation ($id: ID!, $n: String!) { updatePerson(id: $id, patch: { fullName: $n }) { id } }', variables: { id: 'soak-person', n: `Người Thử Tải ${id}-${i}` } }
      : { query: READS[(id + i) % READS.length] };
    try {
      const response = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(isWrite ? { authorization: `Bearer ${writer}` } : {}) }, body: JSON.stringify(body) });
      const answer = (await response.json()) as { errors?: Array<{ message: string }> };
      const failed = response.status !== 200 || answer.errors;
      if (isWrite) counts[failed ? 'failedWrites' : 'writes'] += 1;
      else counts[failed ? 'errors' : 'ok'] += 1;
      if (failed) {
        const key = answer.errors?.[0]?.message.slice(0, 100) ?? `HTTP ${response.status}`;
        errorSamples.set(key, (errorSamples.get(key) ?? 0) + 1);
      }
    } catch (error) {
      counts.errors += 1;
      errorSamples.set((error as Error).message, (errorSamples.get((error as Error).message) ?? 0) + 1);
    }
  }
}

// The record the writes update (created once; a second run of the soak finds it).
await fetch(hub.gatewayUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${writer}` },
  body: JSON.stringify({ query: 'mutation { createPerson(input: { code: "soak-person", fullName: "Người Thử Tải", sources: ["doc-giao-ban-phia-bac"] }) { id } }' }),
});

const began = Date.now();
const report = () => {
  const seconds = (Date.now() - began) / 1000;
  const rss = memory().map((p) => `${p.name} ${p.rssMb} MB`).join(', ');
  console.log(`[${seconds.toFixed(0).padStart(4)} s] reads ok ${counts.ok}, read errors ${counts.errors}, writes ${counts.writes}, failed writes ${counts.failedWrites}, ${seconds < 1 ? "0.0" : ((counts.ok + counts.writes) / seconds).toFixed(1)} req/s | RSS: ${rss}`);
};
console.log(`soak: ${MINUTES} min at concurrency ${CONCURRENCY} against ${hub.gatewayUrl}`);
report();
const timer = setInterval(report, REPORT_EVERY_MS);
await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => worker(id)));
clearInterval(timer);
report();
if (errorSamples.size > 0) console.log('errors seen:', Object.fromEntries(errorSamples));
await hub.stop();
await rm(dataDir, { recursive: true, force: true });

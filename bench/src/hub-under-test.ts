/**
 * The hub the benchmark measures: one it starts itself (the embedded store on a temporary or
 * given data folder, free ports, as `npm start` runs it, serving the seed or a generated
 * synthetic data set), or one already running (`--gateway`),
 * found by its addresses. Beside it, on demand, the gateways it is compared with: Hive Gateway and
 * the hub's own gateway with batching and merging off, each a process of its own on the same
 * supergraph and subgraphs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createLogger, formatSubgraphUrls, parseSubgraphUrls } from '@hub/core';
import { loadLauncherConfig, startHub } from '@hub/launcher';
import { defaultSubgraphUrl, HUB_SUBGRAPHS, SUPERGRAPH_FILE } from '@hub/schema';
import { SYNTHETIC_SOURCE } from '@hub/synthetic';

export interface HubUnderTest {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The store's port, for its CPU time. */
  storePort?: number;
  /** Known when the benchmark started the hub, or from HUB_SIGNING_SECRET: needed to call subgraphs directly. */
  signingSecret?: string;
  /** The store's address, for a data generator. */
  storeUri?: string;
  stop(): Promise<void>;
}

/** A problem the user can fix, said in a sentence (exit 2), never a stack. */
export class BenchError extends Error {}

/**
 * Starts the hub on `folder` serving `dataset`: the seeded facts (seeded first, as `npm start`
 * does), or the synthetic data set generated there beforehand (`HUB_DATASET=synthetic npm start`).
 * The folder is the caller's: it is kept.
 */
export async function startOwnHub(folder: string, dataset: 'facts' | 'synthetic'): Promise<HubUnderTest> {
  const config = loadLauncherConfig({ HUB_DATA_DIR: folder, HUB_DATASET: dataset, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR, HUB_STORE_BACKEND: process.env.HUB_STORE_BACKEND });
  // Thousands of requests from one address: the per-caller rate limit would cut them off.
  const hub = await startHub({ config, env: { LOG_LEVEL: 'warn', HUB_RATE_LIMIT_PER_MINUTE: '10000000', HUB_DATASET: dataset }, log: createLogger('bench', { level: 'warn', format: 'pretty' }) });
  const storeUri = Object.values(hub.targets)[0]?.uri;
  return {
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: hub.subgraphUrls,
    storeUri,
    storePort: storeUri ? Number(new URL(storeUri).port) : undefined,
    signingSecret: hub.signingSecret,
    stop: () => hub.stop(),
  };
}

const STORE_VARIABLES = ['MONGODB_URI', ...HUB_SUBGRAPHS.map((subgraph) => `${subgraph.name.toUpperCase()}_MONGODB_URI`)];

/**
 * `hub generate --scale <n>` into a data folder (the generator starts the embedded store on it
 * itself; no hub may be running on it) or into a running hub's store (`storeUri`). Idempotent:
 * on data already generated it says "already complete: nothing written" in a few seconds.
 * Its progress and its summary (or its refusal) go to the terminal.
 */
export function generate(scale: number, where: { dataDir: string } | { storeUri: string }): void {
  const env = { ...process.env };
  for (const name of STORE_VARIABLES) delete env[name];
  if ('dataDir' in where) env.HUB_DATA_DIR = where.dataDir;
  else env.MONGODB_URI = where.storeUri;
  const run = spawnSync(process.execPath, [new URL('../../platform/cli/bin/hub.mjs', import.meta.url).pathname, 'generate', '--scale', String(scale)], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (run.status !== 0) throw new BenchError(`"hub generate --scale ${scale}" ${run.error ? `could not run (${run.error.message})` : `failed (exit ${run.status}, its message is above)`}, so nothing was measured.`);
}

/**
 * Which data set a hub serves: the synthetic one says so, and its scale, in its source document
 * "synthetic"; without it, a hub with committees serves the seed, one without is empty.
 */
export async function servedDataset(gatewayUrl: string): Promise<{ dataset: 'facts' | 'empty' } | { dataset: 'synthetic'; scale?: number }> {
  const query = `{ document(id: ${JSON.stringify(SYNTHETIC_SOURCE)}) { summary } committees(first: 1) { totalCount } }`;
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json().catch(() => ({}))) as { data?: { document?: { summary?: string | null } | null; committees?: { totalCount: number } }; errors?: Array<{ message: string }> };
  if (!body.data) throw new BenchError(`the hub at ${gatewayUrl} did not say which data it serves (HTTP ${response.status}${body.errors?.[0] ? `: ${body.errors[0].message}` : ''}).`);
  if (!body.data.document) return { dataset: body.data.committees?.totalCount ? 'facts' : 'empty' };
  const scale = /\bat scale ([0-9.]+)/.exec(body.data.document.summary ?? '')?.[1];
  return { dataset: 'synthetic', scale: scale === undefined ? undefined : Number(scale) };
}

/** A hub already running: its gateway must answer; its subgraphs are where HUB_SUBGRAPH_URLS (or the defaults) say. */
export async function attachToHub(gatewayUrl: string, env: NodeJS.ProcessEnv): Promise<HubUnderTest> {
  const base = gatewayUrl.replace(/\/graphql\/?$/, '');
  try {
    const live = await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(3000) });
    if (!live.ok) throw new BenchError(`the hub at ${base} answered /health/live with HTTP ${live.status}; is --gateway the hub's gateway?`);
  } catch (error) {
    if (error instanceof BenchError) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new BenchError(`no hub answers at ${base} (${cause}): start one there with "npm start", or leave out --gateway and the benchmark starts its own.`);
  }
  const overrides = parseSubgraphUrls(env.HUB_SUBGRAPH_URLS);
  const subgraphUrls = Object.fromEntries(HUB_SUBGRAPHS.map((subgraph) => [subgraph.name, overrides.get(subgraph.name) ?? defaultSubgraphUrl(subgraph)]));
  const storeUri = env.MONGODB_URI || `mongodb://127.0.0.1:${env.HUB_STORE_PORT || '27017'}/`;
  return { gatewayUrl: `${base}/graphql`, subgraphUrls, storeUri, storePort: Number(new URL(storeUri).port || 27017), signingSecret: env.HUB_SIGNING_SECRET || undefined, stop: async () => undefined };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The checked-in supergraph with each subgraph's URL replaced by where it answers. */
export async function supergraphFor(subgraphUrls: Record<string, string>): Promise<string> {
  const sdl = await readFile(SUPERGRAPH_FILE, 'utf8');
  return sdl.replace(/(@join__graph\(name: "([^"]*)", url: ")[^"]*/g, (whole, prefix: string, name: string) => (subgraphUrls[name] ? `${prefix}${subgraphUrls[name]}` : whole));
}

export interface ComparedGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function spawnUntilLive(script: string, args: string[], env: NodeJS.ProcessEnv, port: number, what: string): Promise<ComparedGateway> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new BenchError(`${what} exited before it answered:\n${output.slice(-2000)}`);
    // Both answer a GraphQL GET; the hub's gateway also has /health/live.
    const ok = await fetch(`http://127.0.0.1:${port}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url: `http://127.0.0.1:${port}/graphql`, port, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new BenchError(`${what} did not answer within 60 s:\n${output.slice(-2000)}`);
}

/** Hive Gateway on the same supergraph, signing the hub's way (bench/src/hive.ts). */
export async function startHive(hub: HubUnderTest, supergraphFile: string): Promise<ComparedGateway> {
  const port = await freePort();
  return spawnUntilLive(new URL('./hive.ts', import.meta.url).pathname, [supergraphFile, String(port), formatSubgraphUrls(hub.subgraphUrls)], { HUB_SIGNING_SECRET: hub.signingSecret, NODE_ENV: 'production' }, port, 'Hive Gateway');
}

/** The hub's gateway with batching and merging off: one request per fetch, as Apollo's executor sends them. */
export async function startPlainGateway(hub: HubUnderTest, supergraphFile: string, dataDir: string): Promise<ComparedGateway> {
  const port = await freePort();
  const script = createRequire(import.meta.url).resolve('@hub/gateway/main');
  return spawnUntilLive(
    script,
    [],
    {
      GATEWAY_PORT: String(port),
      HUB_DATA_DIR: dataDir,
      HUB_SUPERGRAPH_FILE: supergraphFile,
      HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub.subgraphUrls),
      HUB_SIGNING_SECRET: hub.signingSecret,
      HUB_SUBGRAPH_BATCHING: 'false',
      HUB_SUBGRAPH_DEDUPLICATION: 'false',
      HUB_RATE_LIMIT_PER_MINUTE: '10000000',
      HUB_IDE: 'false',
      LOG_LEVEL: 'warn',
    },
    port,
    'the gateway without batching',
  );
}

export async function writeTemp(folder: string, name: string, text: string): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

/**
 * `npm run bench:readiness`: how fast the gateway's /health/ready answers while a partner is
 * up, gone (connection refused) and hung (accepts connections, never answers), against a real
 * hub it starts on a fresh folder and free ports, with the example partner as its own process.
 * Prints the median and the slowest of 30 calls per state, and what readiness said. Figures,
 * not a test: partner-holes.e2e.ts holds the states to account.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@hub/core';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { loadLauncherConfig, startHub } from '@hub/launcher';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'hub-readiness-'));
const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
process.stderr.write(`readiness: starting a hub in ${dataDir}…\n`);
const hub = await startHub({ config, log: createLogger('readiness', { level: 'warn', format: 'pretty' }), env: { LOG_LEVEL: 'error' } });
const admin = await mintToken({ secret: await developmentJwtSecret(dataDir), subject: 'bench', scopes: ['hub:admin', 'hub:read'], expiresIn: '1h' });
const base = hub.gatewayUrl.replace(/\/graphql$/, '');

async function registry(method: string, path: string, body?: unknown, token = admin): Promise<any> {
  const response = await fetch(`${base}/registry${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
function startPartner(secret: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'examples/partner-media/dist/main.js')], { env: { ...process.env, MEDIA_SIGNING_SECRET: secret, MEDIA_PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('listening on') && resolve(child)));
}
const stop = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'));

async function measure(state: string): Promise<void> {
  const times: number[] = [];
  let said = '';
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}/health/ready`);
    const body = (await response.json()) as { status: string; subgraphs: Record<string, string> };
    times.push(performance.now() - started);
    said = `HTTP ${response.status} ${body.status}, media: ${body.subgraphs.media}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  times.sort((a, b) => a - b);
  console.log(`- partner ${state}: median ${times[15]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms (${said})`);
}

let partner: ChildProcess | undefined;
let hung: Server | undefined;
try {
  const { secret } = await registry('POST', '/partners', { name: 'media', url: `http://127.0.0.1:${port}/graphql` });
  partner = await startPartner(secret);
  const { typeDefs } = await import('partner-media/dist/schema.js');
  await registry('POST', '/subgraphs/media/publish', { sdl: (await import('graphql')).print(typeDefs) });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // every gateway follows within a poll
  await measure('up');
  await stop(partner);
  partner = undefined;
  await measure('gone (connection refused)');
  // Accepts connections and never answers: a partner stuck mid-request.
  hung = createServer(() => undefined).listen(port, '127.0.0.1');
  await measure('hung (never answers)');
} finally {
  hung?.close();
  if (partner) await stop(partner);
  await hub.stop();
  await rm(dataDir, { recursive: true, force: true });
}

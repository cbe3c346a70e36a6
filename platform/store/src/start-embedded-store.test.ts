import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLogger } from '@hub/core';
import { MongoClient } from 'mongodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, ensureStoreBinary, startEmbeddedStore, type EmbeddedStore, type StartEmbeddedStoreOptions } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });
const started: EmbeddedStore[] = [];
let tmp: string;

async function start(dataDir: string, port = 0, options: Partial<StartEmbeddedStoreOptions> = {}): Promise<EmbeddedStore> {
  const store = await startEmbeddedStore({ dataDir, port, log, ...options });
  started.push(store);
  return store;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-'));
  await ensureStoreBinary({ cacheDir: defaultCacheDir(), log }); // a first build, outside the tests' own timing
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((store) => store.stop()));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Gone, or a zombie nobody has reaped yet (a container's init may not reap). */
async function isGone(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) if (await isGone(pid)) return true;
  return isGone(pid);
}

describe('startEmbeddedStore', () => {
  it('serves MongoDB clients on a free port and keeps the data across a restart', async () => {
    const dataDir = join(tmp, 'data with space');
    const lines: string[] = [];
    const capture = createLogger('store', { level: 'debug', format: 'pretty', write: (line) => lines.push(line) });
    let store = await start(dataDir, 0, { log: capture, logLevel: 'debug' });
    expect(store.port).toBeGreaterThan(0);
    expect(store.uri).toBe(`mongodb://127.0.0.1:${store.port}/`);

    let client = await MongoClient.connect(store.uri);
    try {
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await client.db('hub_test').collection('provinces').insertMany([{ code: 'HN', name: 'Hà Nội' }, { code: 'HUE', name: 'Huế' }]);
      expect(await client.db('hub_test').collection('provinces').findOne({ code: 'HN' })).toMatchObject({ name: 'Hà Nội' });
      await client.db('hub_test').collection('provinces').createIndex({ code: 1 }, { unique: true });
      await expect(client.db('hub_test').collection('provinces').insertOne({ code: 'HN' })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await client.close();
    }
    // A rejected write and the driver's disconnect are routine: logged at debug, not warn.
    expect(lines.filter((line) => / (WARN|ERROR) /.test(line))).toEqual([]);
    expect(lines.some((line) => / DEBUG .*Response message/.test(line))).toBe(true);

    await store.stop();
    expect(await isGone(store.pid)).toBe(true);
    await expect(access(join(dataDir, 'ferretdb-hub.lock'))).rejects.toThrow();

    store = await start(dataDir);
    client = await MongoClient.connect(store.uri);
    try {
      const names = await client.db('hub_test').collection('provinces').find({}, { sort: { code: 1 } }).map((doc) => doc.name).toArray();
      expect(names).toEqual(['Hà Nội', 'Huế']);
    } finally {
      await client.close();
    }
  });

  it('refuses a second store on the same data folder, and allows it once the first stopped', async () => {
    const dataDir = join(tmp, 'shared');
    const first = await start(dataDir);
    const error = await start(dataDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATA_DIR_IN_USE' });
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toContain(`pid ${first.pid}`);
    expect((error as Error).message).toContain('HUB_DATA_DIR');

    await first.stop();
    await start(dataDir);
  });

  it('takes over the lock file of a store that died', async () => {
    const dataDir = join(tmp, 'stale');
    const lines: string[] = [];
    const killed = await start(dataDir, 0, { log: createLogger('store', { level: 'warn', format: 'pretty', write: (line) => lines.push(line) }) });
    process.kill(killed.pid, 'SIGKILL');
    expect(await waitGone(killed.pid, 5_000)).toBe(true);
    await sleep(100); // the parent hears of the exit a moment later
    expect(lines.some((line) => line.includes('stopped unexpectedly') && line.includes('SIGKILL'))).toBe(true);
    expect((await readFile(join(dataDir, 'ferretdb-hub.lock'), 'utf8')).trim()).toBe(String(killed.pid));

    const store = await start(dataDir);
    expect((await readFile(join(dataDir, 'ferretdb-hub.lock'), 'utf8')).trim()).toBe(String(store.pid));
  });

  it('names the port and HUB_STORE_PORT when the port is taken', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await start(join(tmp, 'busy-port'), port).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PORT_IN_USE' });
      expect((error as Error).message).toContain(`Port ${port}`);
      expect((error as Error).message).toMatch(/HUB_STORE_PORT.*0/);
    } finally {
      server.close();
    }
  });

  it('names the folder and HUB_DATA_DIR when the data folder is not writable', async () => {
    const file = join(tmp, 'a-file');
    await writeFile(file, '');
    const dataDir = join(file, 'sub'); // not writable even for root, unlike a mode 0o500 folder
    const error = await start(dataDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATA_DIR_NOT_WRITABLE' });
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toContain('HUB_DATA_DIR');
  });

  it('does not outlive a parent killed with SIGKILL', async () => {
    // A separate Node process has to own the store, so this goes through the built package.
    const distIndex = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    await access(distIndex).catch(() => {
      throw new Error(`${distIndex} is missing: run \`npm run build\` in platform/store first`);
    });
    const dataDir = join(tmp, 'orphan');
    const code = `
      import { startEmbeddedStore } from ${JSON.stringify(pathToFileURL(distIndex).href)};
      const log = { debug() {}, info() {}, warn() {}, error() {}, child() { return log; } };
      const store = await startEmbeddedStore({ dataDir: ${JSON.stringify(dataDir)}, port: 0, log });
      console.log(store.pid);
      setInterval(() => {}, 60_000);
    `;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await createInterface({ input: parent.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
    const storePid = Number(line);
    expect(storePid).toBeGreaterThan(0);
    expect(await isGone(storePid)).toBe(false);

    parent.kill('SIGKILL');
    expect(await waitGone(storePid, 5_000)).toBe(true);
    await start(dataDir); // and its data folder is free again
  });
});

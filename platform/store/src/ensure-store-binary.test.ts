import { spawn } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, ensureStoreBinary } from './index.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-binary-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger('test', { level: 'debug', format: 'pretty', write: (line) => lines.push(line) }) };
}

/** A Go module that builds in a second, for testing the build machinery rather than FerretDB. */
async function tinyModule(name: string, body = 'func main() {}'): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(dir);
  await writeFile(join(dir, 'go.mod'), `module ${name}\n\ngo 1.22\n`);
  await writeFile(join(dir, 'main.go'), `package main\n\n${body}\n`);
  return dir;
}

describe('ensureStoreBinary', () => {
  it('builds the FerretDB binary once, then returns the cached one at once', async () => {
    const log = createLogger('store', { level: 'info', format: 'pretty' });
    const first = await ensureStoreBinary({ cacheDir: defaultCacheDir(), log });
    await access(first, constants.X_OK);
    expect(first).toMatch(/ferretdb-[0-9a-f]{12}[/\\]ferretdb-hub$/);

    const started = performance.now();
    const second = await ensureStoreBinary({ cacheDir: defaultCacheDir(), log });
    const elapsed = performance.now() - started;
    expect(second).toBe(first);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('builds once when two callers race on an empty cache folder', async () => {
    const sourceDir = await tinyModule('race');
    const cacheDir = join(tmp, 'race-cache');
    const { lines, log } = capture();
    const [a, b] = await Promise.all([ensureStoreBinary({ cacheDir, log, sourceDir }), ensureStoreBinary({ cacheDir, log, sourceDir })]);
    expect(a).toBe(b);
    expect(lines.filter((line) => line.includes('one-time build'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('waiting for it to finish'))).toBe(true);
  });

  it('takes over a build lock left by a dead process', async () => {
    const sourceDir = await tinyModule('stale');
    const cacheDir = join(tmp, 'stale-cache');
    const deadPid = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.once('exit', () => resolve(child.pid!));
    });
    await mkdir(join(cacheDir, 'build.lock'), { recursive: true });
    await writeFile(join(cacheDir, 'build.lock', 'owner.json'), JSON.stringify({ pid: deadPid, host: hostname() }));
    const { lines, log } = capture();
    await access(await ensureStoreBinary({ cacheDir, log, sourceDir }), constants.X_OK);
    expect(lines.some((line) => line.includes(`its process ${deadPid} is gone`))).toBe(true);
  });

  it('reports a failed build with the end of go\'s output', async () => {
    const sourceDir = await tinyModule('broken', 'func main() { undefinedThing() }');
    const { log } = capture();
    const error = await ensureStoreBinary({ cacheDir: join(tmp, 'broken-cache'), log, sourceDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BUILD_FAILED' });
    expect((error as Error).message).toContain('undefined: undefinedThing');
  });

  it('names the cache folder and HUB_STORE_CACHE_DIR when the folder is not writable', async () => {
    const file = join(tmp, 'a-file');
    await writeFile(file, '');
    const cacheDir = join(file, 'sub'); // not writable even for root
    const { log } = capture();
    const error = await ensureStoreBinary({ cacheDir, log }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CACHE_NOT_WRITABLE' });
    expect((error as Error).message).toContain(cacheDir);
    expect((error as Error).message).toContain('HUB_STORE_CACHE_DIR');
  });

  it('says how to get Go, or to use MONGODB_URI, when go is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(tmp, 'empty-bin');
    try {
      const { log } = capture();
      const error = await ensureStoreBinary({ cacheDir: join(tmp, 'no-go-cache'), log }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'GO_NOT_FOUND' });
      expect((error as Error).message).toMatch(/Go 1\.22 or newer.*MONGODB_URI/s);
    } finally {
      process.env.PATH = path;
    }
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@hub/core';
import { withBuildLock } from './build-lock.js';
import { checkWritableDir } from './check-writable-dir.js';
import { StoreError } from './errors.js';
import { goBuild } from './go-build.js';
import { goVersion } from './go-version.js';
import { preparePatchedFerretDB, PUSHDOWN_DIR, pushdownSources } from './patched-ferretdb.js';

export interface EnsureStoreBinaryOptions {
  cacheDir: string;
  log: Logger;
  /** The Go module to build; this package's `ferretdb` folder unless a test says otherwise. */
  sourceDir?: string;
  /**
   * The hub's patch to FerretDB and the files it adds (`../pushdown`), applied to a copy of
   * FerretDB's module for the build; by default only when building this package's own store.
   */
  pushdownDir?: string;
}

// Resolved from the compiled file, so it works from dist/ and, under vitest, from src/.
const SOURCE_DIR = fileURLToPath(new URL('../ferretdb/', import.meta.url));
const BINARY_NAME = process.platform === 'win32' ? 'ferretdb-hub.exe' : 'ferretdb-hub';

/**
 * The path of the embedded store's binary, built from `sourceDir` on first use into
 * `<cacheDir>/ferretdb-<key>/`, where the key hashes the Go sources, the pushdown patch and
 * `go version`: a change to any builds a new binary, anything else reuses the one there.
 */
export async function ensureStoreBinary({
  cacheDir,
  log,
  sourceDir = SOURCE_DIR,
  pushdownDir = sourceDir === SOURCE_DIR ? PUSHDOWN_DIR : undefined,
}: EnsureStoreBinaryOptions): Promise<string> {
  const key = await cacheKey(sourceDir, pushdownDir);
  const dir = join(cacheDir, `ferretdb-${key.slice(0, 12)}`);
  const binary = join(dir, BINARY_NAME);
  if (await isFile(binary)) return binary;

  const problem = await checkWritableDir(dir);
  if (problem) {
    throw new StoreError(
      'CACHE_NOT_WRITABLE',
      `The embedded store's cache folder ${cacheDir} is not writable (${problem}). ` +
        'Make it writable, or set HUB_STORE_CACHE_DIR to a folder that is.',
    );
  }

  return withBuildLock(join(cacheDir, 'build.lock'), log, async () => {
    if (await isFile(binary)) return binary; // built by whoever held the lock before us
    await removeLeftovers(dir);

    log.info('building the embedded store (FerretDB) from source: a one-time build that takes a minute or two', { into: dir });
    const started = Date.now();
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const tmp = `${binary}.tmp-${suffix}`;
    const work = join(dir, `build.tmp-${suffix}`);
    try {
      const modfile = pushdownDir ? await preparePatchedFerretDB(sourceDir, work, pushdownDir) : undefined;
      await goBuild({ sourceDir, output: tmp, log, modfile });
      await rename(tmp, binary); // atomic: nobody ever sees a half-written binary
    } finally {
      await rm(tmp, { force: true });
      await rm(work, { recursive: true, force: true });
    }
    log.info(`embedded store built in ${Math.round((Date.now() - started) / 1000)} s`, { binary });
    return binary;
  });
}

async function cacheKey(sourceDir: string, pushdownDir: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(sourceDir)).filter((name) => name === 'go.mod' || name === 'go.sum' || name.endsWith('.go')).sort();
  for (const name of names) hash.update(`${name}\0`).update(await readFile(join(sourceDir, name))).update('\0');
  if (pushdownDir) {
    for (const [name, contents] of await pushdownSources(pushdownDir)) hash.update(`pushdown/${name}\0`).update(contents).update('\0');
  }
  hash.update(await goVersion(sourceDir));
  return hash.digest('hex');
}

/** Temporary outputs of builds that were killed before they could clean up. */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${BINARY_NAME}.tmp-`) || name.startsWith('build.tmp-')) await rm(join(dir, name), { recursive: true, force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

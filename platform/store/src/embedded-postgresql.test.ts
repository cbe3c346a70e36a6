/**
 * What the postgresql backend adds around FerretDB: the account PostgreSQL runs as when the hub
 * is root, and the data of the other backend, kept and named. (Writes through it:
 * atomic-writes.test.ts; the whole hub on it: test/store-postgresql.e2e.ts.)
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherBackendNotice, startEmbeddedStore, storeDataDir, StoreError } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-pg-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the postgresql backend', () => {
  it.skipIf(process.getuid?.() !== 0)('as root, names the folder its unprivileged account cannot enter, before starting anything', async () => {
    const closed = join(tmp, 'closed'); // mkdtemp's own folder is 0700 too; this one says so plainly
    await mkdir(closed, { mode: 0o700 });
    await chmod(tmp, 0o755);
    const error = await startEmbeddedStore({ dataDir: storeDataDir(join(closed, 'data'), 'postgresql'), backend: 'postgresql', port: 0, log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('POSTGRESQL_UNREACHABLE');
    expect((error as StoreError).message).toMatch(new RegExp(`runs it as the account \\w+ \\(uid \\d+\\), which cannot reach its data folder .* it may not enter ${closed} \\(mode 700`));
  });

  it('keeps each backend in its own folder and names the other one when it holds data', async () => {
    const hubData = join(tmp, 'hub');
    expect(storeDataDir(hubData)).toBe(join(hubData, 'store'));
    expect(storeDataDir(hubData, 'postgresql')).toBe(join(hubData, 'store-postgresql'));
    expect(otherBackendNotice(hubData, 'postgresql')).toBeUndefined();
    await mkdir(join(hubData, 'store'), { recursive: true });
    await writeFile(join(hubData, 'store', 'hub_events.sqlite'), '');
    expect(otherBackendNotice(hubData, 'postgresql')).toBe(
      `HUB_STORE_BACKEND=postgresql: the store serves the data in ${join(hubData, 'store-postgresql')}. ` +
        `The sqlite backend's data in ${join(hubData, 'store')} is kept as it is but not served; set HUB_STORE_BACKEND=sqlite to use it again`,
    );
    expect(otherBackendNotice(hubData, 'sqlite')).toBeUndefined();
  });
});

/**
 * `HUB_STORE_BACKEND=postgresql npm start`: the hub on FerretDB over an embedded PostgreSQL
 * (run as an unprivileged account when the tests run as root), its cluster in
 * HUB_DATA_DIR/store-postgresql. It serves the seed, keeps a write across a restart, stops
 * PostgreSQL with the hub, never hides the other backend's data without saying so, and a bad
 * value stops the launcher with a message naming the variable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './harness/client.js';
import { exitOf, launcherDataDir, startLauncher } from './harness/launcher.js';

/** Processes whose command line mentions the data folder (FerretDB and the postmaster do). */
function processesUsing(dataDir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,user,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));
}

describe('HUB_STORE_BACKEND=postgresql', () => {
  const dataDir = launcherDataDir('hub-pg-');
  const pg = { HUB_STORE_BACKEND: 'postgresql', HUB_DOCUMENTS_DIR: 'none' };
  const cluster = () => join(dataDir(), 'store-postgresql', 'pgdata');
  beforeAll(async () => {
    // mkdtemp makes the folder 0700; as root, PostgreSQL's account must be able to enter it.
    await chmod(dataDir(), 0o755);
  });

  it('serves the seed from PostgreSQL, keeps a write across a restart, and stops PostgreSQL with the hub', async () => {
    const first = await startLauncher(dataDir(), pg);
    expect(first.output()).toMatch(/embedded store ready at mongodb:\/\/\S+ .*"backend":"postgresql"/);
    expect(existsSync(join(cluster(), 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir(), 'store'))).toBe(false); // SQLite's folder is not made
    const read = await graphql('{ committees { totalCount } conclusion(number: "57-KL/TW") { title } }', { url: first.gatewayUrl });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.committees.totalCount).toBe(64);
    expect(read.body.data?.conclusion.title).toMatch(/57-KL\/TW/);

    const token = await mintToken({ secret: await developmentJwtSecret(dataDir()), subject: 'e2e', scopes: ['hub:read', 'hub:write'], expiresIn: '10m' });
    const created = await graphql('mutation { createPerson(input: { fullName: "Trần Văn Bền Vững", sources: ["doc-giao-ban-phia-bac"] }) { id } }', { url: first.gatewayUrl, token });
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data?.createPerson.id as string;
    expect(id).toBe('tran-van-ben-vung');

    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    // A clean shutdown: PostgreSQL removed its pid file, and nothing runs on the folder.
    expect(existsSync(join(cluster(), 'postmaster.pid'))).toBe(false);
    expect(processesUsing(dataDir())).toEqual([]);

    const second = await startLauncher(dataDir(), { ...pg, HUB_SEED: 'false' });
    try {
      const again = await graphql(`{ person(id: "${id}") { fullName } committees { totalCount } }`, { url: second.gatewayUrl });
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data).toEqual({ person: { fullName: 'Trần Văn Bền Vững' }, committees: { totalCount: 64 } });
    } finally {
      second.child.kill('SIGINT');
      expect(await exitOf(second.child)).toBe(0);
    }
    expect(processesUsing(dataDir())).toEqual([]);
  });

  it('leaves no PostgreSQL behind when the launcher is killed outright', async () => {
    const hub = await startLauncher(dataDir(), { ...pg, HUB_SEED: 'false' });
    expect(processesUsing(dataDir()).some((line) => line.includes('bin/postgres -D'))).toBe(true);
    hub.child.kill('SIGKILL');
    await exitOf(hub.child);
    // Every child notices its stdin pipe closing; PostgreSQL's shell then asks it for a fast shutdown.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && processesUsing(dataDir()).length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(processesUsing(dataDir())).toEqual([]);
    expect(existsSync(join(cluster(), 'postmaster.pid'))).toBe(false);
  });

  it('says so when it starts on SQLite beside PostgreSQL data, and leaves that data alone', async () => {
    const sqlite = await startLauncher(dataDir(), { HUB_DOCUMENTS_DIR: 'none', HUB_SEED: 'false' });
    try {
      expect(sqlite.output()).toContain(`The postgresql backend's data in ${join(dataDir(), 'store-postgresql')} is kept as it is but not served; set HUB_STORE_BACKEND=postgresql to use it again`);
      const read = await graphql('{ person(id: "tran-van-ben-vung") { fullName } }', { url: sqlite.gatewayUrl });
      expect(read.body.data?.person).toBeNull();
    } finally {
      sqlite.child.kill('SIGTERM');
      await exitOf(sqlite.child);
    }
    expect(existsSync(join(cluster(), 'PG_VERSION'))).toBe(true);
  });

  it('refuses an unknown backend, naming the variable and the values it takes', async () => {
    await expect(startLauncher(dataDir(), { HUB_STORE_BACKEND: 'postgres' })).rejects.toThrow(/HUB_STORE_BACKEND must be one of sqlite, postgresql/);
  });
});

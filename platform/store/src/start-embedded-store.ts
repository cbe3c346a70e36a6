import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Level, Logger, StoreBackend } from '@hub/core';
import { checkWritableDir } from './check-writable-dir.js';
import { defaultCacheDir } from './default-cache-dir.js';
import { startEmbeddedPostgresql, type EmbeddedPostgresql } from './embedded-postgresql.js';
import { ensureStoreBinary } from './ensure-store-binary.js';
import { StoreError } from './errors.js';

export interface StartEmbeddedStoreOptions {
  /**
   * The backend's folder, created if missing: the SQLite files, or (postgresql) the PostgreSQL
   * cluster in its pgdata/; either way also the store's lock and socket. `storeDataDir()` names it.
   */
  dataDir: string;
  /** Where FerretDB keeps the data: SQLite files (default) or an embedded PostgreSQL server. */
  backend?: StoreBackend;
  /** 0 picks a free port; the one chosen is in the result. */
  port: number;
  host?: string;
  /** Where the binary is built; `defaultCacheDir()` if omitted. */
  cacheDir?: string;
  log: Logger;
  /** FerretDB's own log level; its lines are passed on to `log`. */
  logLevel?: Level;
  readyTimeoutMs?: number;
}

export interface EmbeddedStore {
  /** mongodb://host:port/ */
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the store process ends, however it ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after a few seconds; resolves once the process is gone. */
  stop(): Promise<void>;
}

// Written and flock'ed by the Go program (see ferretdb/lock_unix.go).
const LOCK_FILE = 'ferretdb-hub.lock';
const KILL_AFTER_MS = 5_000;
const KEPT_LINES = 40;

/** Starts FerretDB on `dataDir`, building its binary first if needed. */
export async function startEmbeddedStore(options: StartEmbeddedStoreOptions): Promise<EmbeddedStore> {
  const { port, host = '127.0.0.1', log, logLevel = 'warn', readyTimeoutMs = 30_000 } = options;
  const binary = await ensureStoreBinary({ cacheDir: options.cacheDir ?? defaultCacheDir(), log });

  const dataDir = resolve(options.dataDir);
  const problem = await checkWritableDir(dataDir);
  if (problem) {
    throw new StoreError(
      'DATA_DIR_NOT_WRITABLE',
      `The embedded store's data folder ${dataDir} is not writable (${problem}). ` +
        'Make it writable, or set HUB_DATA_DIR to a folder that is.',
    );
  }

  // PostgreSQL first: FerretDB's postgresql handler connects to it as it starts.
  const postgresql = options.backend === 'postgresql' ? await startEmbeddedPostgresql({ dataDir, log: log.child('postgresql') }) : undefined;
  try {
    return await startFerretdb({ binary, dataDir, host, port, log, logLevel, readyTimeoutMs, postgresql });
  } catch (error) {
    await postgresql?.stop();
    throw error;
  }
}

async function startFerretdb(options: {
  binary: string;
  dataDir: string;
  host: string;
  port: number;
  log: Logger;
  logLevel: Level;
  readyTimeoutMs: number;
  postgresql?: EmbeddedPostgresql;
}): Promise<EmbeddedStore> {
  const { binary, dataDir, host, port, log, logLevel, readyTimeoutMs, postgresql } = options;
  const listen = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  // stdin is a pipe we never write to: when this process dies, even by SIGKILL, the OS
  // closes it and the store exits instead of living on as an orphan.
  // Its own process group: a Ctrl-C meant for the hub reaches the launcher, which stops the
  // gateway and subgraphs before the store they still use.
  const backendArgs = postgresql ? ['-postgresql-url', postgresql.url] : [];
  const child = spawn(binary, ['-listen', listen, '-data', dataDir, '-log-level', logLevel, '-exit-on-stdin-close', ...backendArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdin.on('error', () => {}); // EPIPE after the store exits; the exit itself is reported below

  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    if (recent.length > KEPT_LINES) recent.shift();
    // "error: ..." lines come only before ready and become the thrown error instead.
    if (!line.startsWith('error: ')) forward(log, line);
  });
  const ferretdbClosed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  // With PostgreSQL the store is both processes: it has ended when either has, and the other is
  // then stopped too, so that a restart finds neither still running.
  const closed = postgresql
    ? Promise.race([ferretdbClosed, postgresql.exited]).then(async (exit) => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await ferretdbClosed;
        await postgresql.stop();
        return exit;
      })
    : ferretdbClosed;

  let uri: string;
  try {
    uri = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new StoreError('START_FAILED', `The embedded store did not report ready within ${readyTimeoutMs / 1000} s.${outputOf(recent)}`));
      }, readyTimeoutMs);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const ready = /^ready (mongodb:\/\/\S+)$/.exec(line)?.[1];
        if (ready) {
          clearTimeout(timer);
          resolve(ready);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new StoreError('START_FAILED', `Could not run the embedded store binary ${binary}: ${error.message}`, { cause: error }));
      });
      void closed.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(startFailure({ code, signal, recent, dataDir, host, port }));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const pid = child.pid!;
  let stopping: Promise<void> | undefined;
  void closed.then(({ code, signal }) => {
    if (!stopping) log.error('the embedded store stopped unexpectedly', { pid, code, signal, output: recent.slice(-5).join(' | ') || undefined });
  });
  void postgresql?.exited.then(({ code, signal }) => {
    if (!stopping) log.error(`its PostgreSQL server stopped (${signal ?? `code ${code}`}), so FerretDB is stopped too`, { pid: postgresql.pid });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => {
        log.warn(`the embedded store did not stop within ${KILL_AFTER_MS / 1000} s; killing it`, { pid });
        child.kill('SIGKILL');
      }, KILL_AFTER_MS);
      await ferretdbClosed;
      clearTimeout(killer);
    }
    await postgresql?.stop();
    // The store removes its lock file when it stops cleanly; not when it was killed.
    const lock = join(dataDir, LOCK_FILE);
    const owner = await readFile(lock, 'utf8').catch(() => '');
    if (owner.trim() === String(pid)) await rm(lock, { force: true });
  };

  return { uri, port: Number(new URL(uri).port), pid, exited: closed, stop: () => (stopping ??= stop()) };
}

function startFailure(failure: {
  code: number | null;
  signal: NodeJS.Signals | null;
  recent: string[];
  dataDir: string;
  host: string;
  port: number;
}): StoreError {
  const { code, signal, recent, dataDir, host, port } = failure;
  const text = recent.join('\n');
  if (text.includes('address already in use')) {
    return new StoreError(
      'PORT_IN_USE',
      `Port ${port} on ${host} is already in use, so the embedded store cannot listen there. ` +
        `Set HUB_STORE_PORT to another port, or to 0 to pick a free one (or stop the program that uses port ${port}).`,
    );
  }
  const owner = /in use by another store \(pid (\w+)\)/.exec(text)?.[1];
  if (owner) {
    return new StoreError(
      'DATA_DIR_IN_USE',
      `The data folder ${dataDir} is already used by another running embedded store (pid ${owner}). ` +
        'Stop that process, or set HUB_DATA_DIR to another folder.',
    );
  }
  const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
  return new StoreError('START_FAILED', `The embedded store ${how} before it was ready.${outputOf(recent)}`);
}

function outputOf(lines: string[]): string {
  return lines.length === 0 ? ' It printed nothing.' : ` Its output:\n${lines.slice(-20).map((line) => `  ${line}`).join('\n')}`;
}

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);
const SLOG_LINE = /^time=\S+ level=(\w+) msg=("(?:[^"\\]|\\.)*"|\S*)\s*(.*)$/;

/** Passes a line of FerretDB's slog text output on at its own level, without its timestamp. */
function forward(log: Logger, line: string): void {
  const match = SLOG_LINE.exec(line);
  const level = match?.[1]?.toLowerCase();
  if (!match || !level || !LEVELS.has(level)) {
    log.warn(line); // not slog: a Go panic or runtime message
    return;
  }
  let message = match[2]!;
  try {
    if (message.startsWith('"')) message = JSON.parse(message) as string;
  } catch {
    // Go quoting that JSON does not read (\x..): keep it quoted
  }
  // FerretDB's PostgreSQL backend logs every failed SQL statement at error, a client's own
  // mistakes included (a duplicate key: SQLSTATE class 23); the client is told, as on SQLite.
  const routine = level === 'error' && message === 'Query' && /\bname=postgresql\b[\s\S]*SQLSTATE 23\d{3}/.test(match[3] ?? '');
  log[routine ? 'debug' : (level as Level)](match[3] ? `${message}  ${match[3]}` : message);
}

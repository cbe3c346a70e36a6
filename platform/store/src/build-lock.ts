import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@hub/core';

// No build takes this long: the owner is hung, or the lock outlived its machine (NFS).
const STALE_AFTER_MS = 30 * 60_000;
// The lock folder exists but its owner never wrote its name: it died in between.
const UNCLAIMED_AFTER_MS = 30_000;
const POLL_MS = 500;

interface Owner {
  pid: number;
  host: string;
}

/**
 * Runs `task` while holding `lockDir`, an exclusive `mkdir` lock, so that processes
 * building the same binary at once build it once: the others wait, then find it built.
 * The lock saves work, correctness does not depend on it (builds write to unique
 * temporary files and rename them into place), so a rare lost race is harmless.
 */
export async function withBuildLock<T>(lockDir: string, log: Logger, task: () => Promise<T>): Promise<T> {
  await acquire(lockDir, log);
  try {
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function acquire(lockDir: string, log: Logger): Promise<void> {
  let announced = false;
  for (;;) {
    if (await tryCreate(lockDir)) return;

    let age: number;
    try {
      age = Date.now() - (await stat(lockDir)).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    const owner = await readOwner(lockDir);
    const stale =
      owner === undefined
        ? age > UNCLAIMED_AFTER_MS && 'it names no owner'
        : owner.host === hostname() && !isAlive(owner.pid)
          ? `its process ${owner.pid} is gone`
          : age > STALE_AFTER_MS && `it is older than ${STALE_AFTER_MS / 60_000} minutes`;
    if (stale) {
      log.warn(`taking over a stale build lock: ${stale}`, { lock: lockDir });
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log.info(`another build of the embedded store is running (pid ${owner?.pid ?? 'unknown'}); waiting for it to finish`);
      announced = true;
    }
    await sleep(POLL_MS);
  }
}

async function tryCreate(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const owner: Owner = { pid: process.pid, host: hostname() };
    await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ ...owner, since: new Date().toISOString() }));
    return true;
  } catch (error) {
    await rm(lockDir, { recursive: true, force: true });
    throw error;
  }
}

async function readOwner(lockDir: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

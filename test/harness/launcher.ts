/**
 * Runs `npm start`'s launcher as its own process, as a newcomer or an operator would, on a data
 * folder and free ports of the test's choosing; every launcher started is remembered, so none
 * outlives a failed test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const LAUNCHER = createRequire(import.meta.url).resolve('@hub/launcher').replace(/index\.js$/, 'main.js');

export interface Started {
  child: ChildProcess;
  gatewayUrl: string;
  output: () => string;
}

/** Every launcher a test started, so none outlives a failed test. */
export const launched = new Set<ChildProcess>();

export function startLauncher(dataDir: string, env: Record<string, string | undefined> = {}): Promise<Started> {
  const child = spawn(process.execPath, [LAUNCHER], {
    env: {
      // With a pipe on stdin, the launcher also stops if this test process dies.
      HUB_SUPERVISED: '1',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HUB_DATA_DIR: dataDir,
      HUB_STORE_PORT: '0',
      GATEWAY_PORT: '0',
      ORGANIZATION_PORT: '0',
      EVENTS_PORT: '0',
      KNOWLEDGE_PORT: '0',
      ...(process.env.HUB_STORE_CACHE_DIR ? { HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR } : {}),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  launched.add(child);
  child.once('exit', () => launched.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in [\d.]+ s: GraphQL at ([^\s"]+)/.exec(output);
      if (ready) resolve({ child, gatewayUrl: ready[1]!, output: () => output });
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the launcher exited with ${code} before it was ready:\n${output}`)));
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Stops every launcher still running (Ctrl-C's signal), waiting for each to exit. */
export async function stopLaunched(): Promise<void> {
  for (const child of launched) {
    child.kill('SIGTERM');
    await exitOf(child);
  }
}

/**
 * A data folder of its own for a test file's launchers, removed at the end; every launcher is
 * stopped after each test. Returns a getter: the folder exists once the file's tests run.
 */
export function launcherDataDir(prefix: string): () => string {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(stopLaunched);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => dataDir;
}

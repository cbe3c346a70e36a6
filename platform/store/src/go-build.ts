import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@hub/core';
import { StoreError } from './errors.js';

export interface GoBuildOptions {
  /** The Go module to build (its main package). */
  sourceDir: string;
  output: string;
  log: Logger;
  /** An alternative go.mod (`go build -modfile`), e.g. one that replaces FerretDB with a patched copy. */
  modfile?: string;
}

const PROGRESS_EVERY_MS = 5_000;
const TAIL_LINES = 20;
// `go build -v` prints one import path per package it compiles; anything else (compiler
// errors, "go: downloading ...") is not a package.
const PACKAGE_LINE = /^[\w.~+-]+(\/[\w.~+-]+)*$/;

/** Runs `go build`, logging progress every few seconds, since a cold build is silent for minutes. */
export async function goBuild({ sourceDir, output, log, modfile }: GoBuildOptions): Promise<void> {
  const started = Date.now();
  const tail: string[] = [];
  let packages = 0;

  const child = spawn(
    'go',
    // -trimpath, -buildvcs=false: the binary depends only on what the cache key covers, not
    // on where the repository is checked out or on its git state. No cgo: the SQLite
    // driver is pure Go, so no C compiler is needed.
    ['build', '-v', '-trimpath', '-buildvcs=false', '-mod=readonly', ...(modfile ? [`-modfile=${modfile}`] : []), '-ldflags=-s -w', '-o', output, '.'],
    { cwd: sourceDir, env: { ...process.env, CGO_ENABLED: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (!line.trim()) return;
      if (PACKAGE_LINE.test(line)) packages++;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    });
  }
  const progress = setInterval(() => {
    log.info(`building embedded store: ${packages} packages compiled, ${Math.round((Date.now() - started) / 1000)} s`);
  }, PROGRESS_EVERY_MS);

  let result: { code: number | null; signal: NodeJS.Signals | null };
  try {
    result = await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
  } catch (error) {
    throw new StoreError('BUILD_FAILED', `Could not run \`go build\` in ${sourceDir}: ${(error as Error).message}`, { cause: error });
  } finally {
    clearInterval(progress);
  }

  if (result.code !== 0) {
    const how = result.code === null ? `was killed by ${result.signal}` : `exited with code ${result.code}`;
    throw new StoreError(
      'BUILD_FAILED',
      `Building the embedded store (FerretDB) failed: \`go build\` in ${sourceDir} ${how}. Last lines of its output:\n` +
        `${tail.map((line) => `  ${line}`).join('\n') || '  (none)'}\n` +
        'If modules could not be downloaded, check access to the Go module proxy (GOPROXY); ' +
        'or set MONGODB_URI to use an existing MongoDB server instead.',
    );
  }
}

/**
 * One run of a hub process started by the launcher: its output passed through line by line, its
 * readiness awaited on its health endpoint, its stop graceful (SIGTERM, then SIGKILL). The
 * supervisor (supervise.ts) starts it again when it dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SUPERVISED, type Logger } from '@hub/core';
import type { Exit, Run } from './supervise.js';

export interface ServiceOptions {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** Base URL of the service, e.g. http://127.0.0.1:4001 */
  baseUrl: string;
  log: Logger;
  /**
   * How long start-up may go without a sign of life (a log line) before the process counts as
   * hung: a subgraph bringing a large data set up to date logs its progress and gets the time it needs.
   */
  readyTimeoutMs?: number;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startService(options: ServiceOptions): Promise<Run> {
  const { name, log } = options;
  const recent: string[] = [];
  const child = spawn(process.execPath, [options.script], {
    env: { ...options.env, [SUPERVISED]: '1' },
    // Own process group: Ctrl-C reaches the launcher only, which stops everyone in order.
    detached: true,
    stdio: ['pipe', 'inherit', 'pipe'],
  });
  let lastSign = Date.now();
  createInterface({ input: child.stderr! }).on('line', (line) => {
    lastSign = Date.now();
    recent.push(line);
    if (recent.length > 40) recent.shift();
    process.stderr.write(`${line}\n`);
  });
  let exited = false;
  const exit = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const quietLimit = options.readyTimeoutMs ?? 60_000;
  for (;;) {
    if (exited) {
      throw new Error(`the ${name} process exited during start-up (code ${child.exitCode ?? child.signalCode}):\n${recent.slice(-15).join('\n')}`);
    }
    try {
      const response = await fetch(`${options.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > lastSign + quietLimit) {
      child.kill('SIGKILL');
      throw new Error(`the ${name} process did not become ready, and wrote nothing for ${Math.round(quietLimit / 1000)} s:\n${recent.slice(-15).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  log.debug(`${name} ready`, { url: options.baseUrl, pid: child.pid });

  return {
    pid: child.pid!,
    exited: exit,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        log.warn(`${name} did not stop within 10 s; killing it`);
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}

/**
 * Keeps a process of the hub running: when it dies unexpectedly the supervisor logs how (exit
 * code or signal), waits a little longer after each crash (backoff), and starts it again with
 * the same settings (same port, same data). A process that keeps crashing — `maxCrashes` within
 * `windowMs` — is given up on with a sentence saying so, and the hub stops rather than limp on.
 */
import type { Logger } from '@hub/core';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One run of a process, as its starter returns it once the process is ready. */
export interface Run {
  readonly pid: number;
  readonly exited: Promise<Exit>;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  log: Logger;
  start: () => Promise<Run>;
  /** Called once when the supervisor gives up on the process. */
  onGiveUp: (reason: string) => void;
  maxCrashes?: number;
  windowMs?: number;
  /** Wait before the n-th restart in a row: backoffMs × 2^(n-1), at most maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface Supervised {
  readonly name: string;
  /** The pid of the current run (changes on restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

const describeExit = ({ code, signal }: Exit) => (signal ? `signal ${signal}` : `code ${code}`);

export async function supervise(options: SuperviseOptions): Promise<Supervised> {
  const { name, log, maxCrashes = 5, windowMs = 60_000, backoffMs = 500, maxBackoffMs = 8_000 } = options;
  let current: Run | undefined = await options.start();
  let stopping = false;
  let gaveUp = false;
  let timer: NodeJS.Timeout | undefined;
  const crashes: number[] = [];

  const giveUp = (reason: string) => {
    if (gaveUp) return;
    gaveUp = true;
    log.error(reason);
    options.onGiveUp(reason);
  };

  const restart = (attempt: number) => {
    const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
    timer = setTimeout(async () => {
      timer = undefined;
      if (stopping) return;
      try {
        const run = await options.start();
        if (stopping) {
          await run.stop();
          return;
        }
        current = run;
        log.info(`${name} restarted`, { pid: run.pid });
        watch(run);
      } catch (error) {
        if (!crashed(`${name} could not be restarted: ${(error as Error).message.split('\n')[0]}`)) restart(attempt + 1);
      }
    }, wait);
    timer.unref?.();
    return wait;
  };

  /** Counts a crash; true when that was one too many and the supervisor gave up. */
  const crashed = (what: string): boolean => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && now - crashes[0]! > windowMs) crashes.shift();
    if (crashes.length >= maxCrashes) {
      giveUp(`${what}; it failed ${crashes.length} times within ${Math.round(windowMs / 1000)} s, so the hub gives up on it and stops (see the lines above for why)`);
      return true;
    }
    log.warn(what);
    return false;
  };

  const watch = (run: Run) => {
    void run.exited.then((exit) => {
      if (stopping || run !== current) return;
      current = undefined;
      if (crashed(`${name} exited unexpectedly (${describeExit(exit)})`)) return;
      const wait = restart(crashes.length);
      log.info(`restarting ${name} in ${wait} ms`);
    });
  };
  watch(current);

  return {
    name,
    pid: () => current?.pid,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current?.stop();
    },
  };
}

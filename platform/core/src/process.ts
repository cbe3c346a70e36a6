/** Entry-point plumbing shared by every hub process: clean failures and clean shutdowns. */
import { ConfigError } from './config.js';

/** Set by the launcher in its children's environment. */
export const SUPERVISED = 'HUB_SUPERVISED';

/**
 * Runs a process's main function. A ConfigError or any start-up failure is printed as a
 * sentence (no stack for configuration mistakes) and exits 1. SIGINT/SIGTERM run the returned
 * stop function once, then exit 0; a second signal exits at once.
 */
export function runMain(name: string, main: () => Promise<() => Promise<void>>): void {
  let stopping = false;
  const fail = (error: unknown) => {
    const text = error instanceof ConfigError ? error.message : error instanceof Error ? (process.env.LOG_LEVEL === 'debug' ? error.stack : error.message) : String(error);
    process.stderr.write(`${name} could not start: ${text}\n`);
    process.exit(1);
  };
  main().then((stop) => {
    const shutdown = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${name} failed to stop cleanly after ${signal}: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    if (process.env[SUPERVISED] === '1') {
      // Started by the hub's launcher with a pipe on stdin: when the launcher dies, however
      // abruptly, the pipe closes and this process stops instead of living on as an orphan.
      process.stdin.on('end', () => shutdown('the launcher exiting')).resume();
    }
  }, fail);
}

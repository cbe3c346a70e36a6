import { createLogger } from '@hub/core';
import { describe, expect, it } from 'vitest';
import { supervise, type Exit, type Run } from './supervise.js';

/** A fake run whose exit the test controls; the supervisor is what is under test. */
function fakeRuns() {
  const runs: Array<{ pid: number; exit: (exit: Exit) => void; stopped: boolean }> = [];
  let failStarts = 0;
  const start = async (): Promise<Run> => {
    if (failStarts > 0) {
      failStarts -= 1;
      throw new Error('port busy');
    }
    let exit!: (exit: Exit) => void;
    const exited = new Promise<Exit>((resolve) => (exit = resolve));
    const entry = { pid: 1000 + runs.length, exit, stopped: false };
    runs.push(entry);
    return { pid: entry.pid, exited, stop: async () => void (entry.stopped = true) };
  };
  return { runs, start, failNextStarts: (n: number) => (failStarts = n) };
}

const lines: string[] = [];
const log = createLogger('test', { level: 'debug', format: 'pretty', write: (line) => lines.push(line) });
const settle = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the supervisor', () => {
  it('restarts a process that dies, saying how it died', async () => {
    const fake = fakeRuns();
    const supervised = await supervise({ name: 'events', log, start: fake.start, onGiveUp: () => undefined, backoffMs: 5 });
    fake.runs[0]!.exit({ code: null, signal: 'SIGKILL' });
    await settle();
    expect(fake.runs).toHaveLength(2);
    expect(supervised.pid()).toBe(1001);
    expect(lines.join('\n')).toMatch(/events exited unexpectedly \(signal SIGKILL\)[\s\S]*events restarted/);
    await supervised.stop();
    expect(fake.runs[1]!.stopped).toBe(true);
  });

  it('keeps trying with backoff when a restart fails, and gives up after repeated crashes in the window', async () => {
    const fake = fakeRuns();
    let reason = '';
    const supervised = await supervise({ name: 'store', log, start: fake.start, onGiveUp: (why) => (reason = why), backoffMs: 5, maxCrashes: 3 });
    fake.failNextStarts(1);
    fake.runs[0]!.exit({ code: 1, signal: null });
    await settle(100);
    expect(fake.runs).toHaveLength(2); // one failed start in between, then a good one
    fake.runs[1]!.exit({ code: 1, signal: null });
    await settle(100);
    expect(reason).toMatch(/store exited unexpectedly \(code 1\); it failed 3 times within 60 s, so the hub gives up on it/);
    expect(fake.runs).toHaveLength(2);
    await supervised.stop();
  });

  it('does not restart what it was asked to stop', async () => {
    const fake = fakeRuns();
    const supervised = await supervise({ name: 'gateway', log, start: fake.start, onGiveUp: () => undefined, backoffMs: 5 });
    await supervised.stop();
    fake.runs[0]!.exit({ code: 0, signal: null });
    await settle();
    expect(fake.runs).toHaveLength(1);
  });
});

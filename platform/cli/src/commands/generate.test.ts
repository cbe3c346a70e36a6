/** `hub generate`'s bad input: a clear sentence and exit 2, before anything is opened. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { GROUPS } from '../groups.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _, done) => (append(String(chunk)), done()) });
  const code = await runCli(GROUPS, argv, sink((t) => (out += t)) as never, sink((t) => (err += t)) as never);
  return { code, out, err };
}

describe('hub generate', () => {
  it.each([
    [['--scale', 'abc'], '--scale must be a number, got "abc"'],
    [['--scale', '0'], '--scale must be between 0.001 and 100'],
    [['--scale=-2'], '--scale must be between 0.001 and 100'],
    [['--scale', '1e9'], 'got 1e9'],
    [[], '--scale is required'],
    [['--scale', '1', '--seed', 'x'], '--seed must be a whole number'],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, err } = await run('generate', ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('explains itself with --help', async () => {
    const { code, out } = await run('generate', '--help');
    expect(code).toBe(0);
    expect(out).toContain('hub generate --scale <n> [--seed <number>] [--force]');
    expect(out).toContain('HUB_DATASET=synthetic');
  });
});

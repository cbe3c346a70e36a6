/**
 * `npm run bench:start`: how long the commands people type start in when nothing changed —
 * `hub --help`, `npm run token -- --help` — through npm as typed, and the node part alone (the
 * build check and the command itself, without npm's own start-up). Prints the median and the
 * range of BENCH_RUNS runs (default 10) each; figures, not a test. Needs no running hub; the
 * first run of each command builds what it needs first, so it is run once before timing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const commands: Array<[string, string, string[]]> = [
  ['npm run hub -- --help', 'npm', ['run', '--silent', 'hub', '--', '--help']],
  ['npm run token -- --help', 'npm', ['run', '--silent', 'token', '--', '--help']],
  ['node hub.mjs --help (no npm)', process.execPath, ['platform/cli/bin/hub.mjs', '--help']],
  ['node built.mjs mint-token --help (no npm)', process.execPath, ['platform/cli/bin/built.mjs', '@hub/gateway', 'dist/mint-token.js', '--help']],
  ['npm --version (npm alone, for reference)', 'npm', ['--version']],
];

function time(program: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(program, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

for (const [label, program, args] of commands) {
  time(program, args);
  const samples = Array.from({ length: RUNS }, () => time(program, args)).sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  process.stdout.write(`${label.padEnd(46)} median ${median.toFixed(0).padStart(5)} ms   min ${samples[0]!.toFixed(0).padStart(5)} ms   max ${samples.at(-1)!.toFixed(0).padStart(5)} ms   (${RUNS} runs)\n`);
}

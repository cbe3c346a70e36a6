/**
 * An analyst trying the hub at a real scale: `hub generate` writes the synthetic data set into
 * its own databases, and `HUB_DATASET=synthetic npm start` serves it (and only it), while asking
 * for the seed on top of it is refused before anything starts.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { launcherDataDir, startLauncher } from './harness/launcher.js';

const HUB_CLI = createRequire(import.meta.url).resolve('@hub/cli').replace(/index\.js$/, 'main.js');

function generate(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [HUB_CLI, 'generate', ...args, '--json'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(process.env.HUB_STORE_CACHE_DIR ? { HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR } : {}) },
    encoding: 'utf8',
  });
  return { code: run.status, answer: JSON.parse(run.stdout) as Record<string, any> };
}

async function ask(gatewayUrl: string, query: string) {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('the synthetic data set', () => {
  const dataDir = launcherDataDir('hub-synthetic-');

  it('is generated once, deterministically, and served by HUB_DATASET=synthetic npm start', async () => {
    const first = generate(dataDir(), '--scale', '0.01', '--seed', '5');
    expect(first.code).toBe(0);
    expect(first.answer).toMatchObject({ ok: true, outcome: 'generated', records: 304 });
    const again = generate(dataDir(), '--scale', '0.01', '--seed', '5');
    expect(again.answer).toMatchObject({ outcome: 'unchanged', inserted: 0, digest: first.answer.digest });

    const started = await startLauncher(dataDir(), { HUB_DATASET: 'synthetic' });
    const answer = await ask(started.gatewayUrl, '{ events(first: 3) { totalCount edges { node { title participants { role } } } } committees { totalCount } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.events.totalCount).toBe(150);
    expect(answer.data.committees.totalCount).toBe(2);
    for (const { node } of answer.data.events.edges) {
      expect(node.title).toContain('[dữ liệu tổng hợp]');
      expect(node.participants.length).toBeGreaterThan(2);
    }
    // Two store starts for generate and a whole hub: minutes on a busy machine.
  }, 300_000);

  it('refuses to seed the synthetic databases, naming the variable', async () => {
    const failed = await startLauncher(dataDir(), { HUB_DATASET: 'synthetic', HUB_SEED: 'true' }).catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toContain('HUB_SEED');
  }, 120_000);
});

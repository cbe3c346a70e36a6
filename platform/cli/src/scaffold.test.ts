/**
 * A partner's engineers start from `hub partner scaffold`: the project it writes must install,
 * build, test and run on its own, outside this monorepo (a folder in the system's temp dir, its
 * own node_modules from the registry), and print an SDL that passes the hub's rules.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HUB = fileURLToPath(new URL('../bin/hub.mjs', import.meta.url));
let folder: string;

/**
 * The environment of a shell outside this checkout: when the tests run under `npm test`, npm's own
 * variables (npm_config_local_prefix pointing at this monorepo among them) would make the
 * scaffolded project's `npm install` work on the monorepo instead.
 */
const outsideEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...outsideEnv, npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-scaffold-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('hub partner scaffold', () => {
  it('writes a project that installs, tests, builds and runs on its own', async () => {
    const dir = join(folder, 'bo-ngoai-giao');
    const written = run(process.execPath, [HUB, 'partner', 'scaffold', 'bo-ngoai-giao', '--dir', dir, '--json'], folder);
    expect(written.code, written.output).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src', 'test', 'tsconfig.json', 'vitest.config.ts']);
    expect(await readFile(join(dir, 'src/schema.ts'), 'utf8')).toContain('boNgoaiGiaoEvents');

    // From npm's cache where it can (the hub's own install filled it with these same tarballs), and
    // from the registry for what a lockfile-driven install never cached (the packages' metadata):
    // a fresh machine's cache has the tarballs but not the metadata a lockfile-less install needs.
    const install = run('npm', ['install', '--prefer-offline', '--no-fund', '--no-audit'], dir);
    expect(install.code, install.output).toBe(0);
    const test = run('npm', ['test'], dir);
    expect(test.code, test.output).toBe(0);
    expect(test.output).toMatch(/3 passed/);
    const build = run('npm', ['run', 'build'], dir);
    expect(build.code, build.output).toBe(0);

    const sdl = run(process.execPath, ['dist/print-schema.js'], dir);
    expect(sdl.output).toMatch(/type Event @key\(fields: "id"\)/);
    await writeFile(join(dir, 'schema.graphql'), sdl.output);

    // It runs: listens, and refuses what the hub did not sign.
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env: { ...outsideEnv, SIGNING_SECRET: 's'.repeat(40), PORT: '0' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('listening on ') && resolve(line.slice('listening on '.length)));
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(refused.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 300_000);

  it('refuses to write into a folder that is not empty, and a bad name', async () => {
    const taken = join(folder, 'taken');
    run(process.execPath, [HUB, 'partner', 'scaffold', 'first', '--dir', taken], folder);
    const again = run(process.execPath, [HUB, 'partner', 'scaffold', 'second', '--dir', taken], folder);
    expect(again.code).toBe(2);
    expect(again.output).toContain('is not empty');
    const bad = run(process.execPath, [HUB, 'partner', 'scaffold', 'Bad_Name'], folder);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('not a valid subgraph name');
  });
});

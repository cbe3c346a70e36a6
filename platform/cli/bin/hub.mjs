#!/usr/bin/env node
// The `hub` command's entry: runs the built CLI, building it first only when its sources are
// newer than the build (a fresh clone, or after a change), so a call costs well under a second
// when nothing changed. Plain JavaScript, so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(here, '..', '..');
const built = join(here, 'dist', 'main.js');

/** The newest modification time of the .ts files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = [join(here, 'src'), join(root, 'platform', 'core', 'src'), join(root, 'platform', 'synthetic', 'src')].filter(existsSync);
const stale = !existsSync(built) || sources.some((dir) => newest(dir) > statSync(built).mtimeMs);
if (stale) {
  process.stderr.write('hub: building the hub command and what it needs (first run or after a change)…\n');
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', '--filter=@hub/cli...', '--output-logs=errors-only'], { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    process.stderr.write('hub: the build failed (see above); run "npm install" at the top of the checkout, then try again.\n');
    process.exit(2);
  }
}
await import(pathToFileURL(built).href);

// Runs a workspace package's built entry point, building it (and the workspace packages it
// depends on) first only when a source is newer than its build: a fresh clone or a change pays
// for the build once, every later call starts at once. Used by `npm run hub` and `npm run token`.
// Plain JavaScript, so it runs before anything is compiled.
//
//   node platform/cli/bin/built.mjs <package name> <entry inside the package> [arguments…]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every workspace package of the checkout, by name → folder. */
function workspacePackages() {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const folders = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(parent, e.name)) : [];
  });
  const byName = new Map();
  for (const folder of folders) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) byName.set(JSON.parse(readFileSync(file, 'utf8')).name, { folder, manifest: JSON.parse(readFileSync(file, 'utf8')) });
  }
  return byName;
}

/** The package and every workspace package it needs, transitively. */
function closure(name, packages, seen = new Set()) {
  if (seen.has(name) || !packages.has(name)) return seen;
  seen.add(name);
  const { dependencies = {} } = packages.get(name).manifest;
  for (const dependency of Object.keys(dependencies)) closure(dependency, packages, seen);
  return seen;
}

/** The newest modification time under `dir`, skipping what the build neither reads nor writes. */
function newest(dir, skip) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name, entry.isDirectory())) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path, skip) : statSync(path).mtimeMs);
  }
  return latest;
}

const STAMP = '.built';
const notSource = (name, isDir) => name.startsWith('.') || (isDir && (name === 'node_modules' || name === 'dist')) || /\.(test|e2e)\.ts$/.test(name);

function stale({ folder }) {
  const dist = join(folder, 'dist');
  if (!existsSync(dist)) return true;
  return newest(folder, notSource) > newest(dist, () => false);
}

/** Builds `name` and what it needs when any of them changed since its last build. */
export function ensureBuilt(name, label) {
  const packages = workspacePackages();
  // Packages without a build step (none today) have nothing to be stale.
  const needed = [...closure(name, packages)].map((n) => packages.get(n)).filter(({ manifest }) => manifest.scripts?.build);
  const outdated = needed.filter(stale);
  if (outdated.length === 0) return;
  process.stderr.write(`${label}: building ${name} and what it needs (first run or after a change)…\n`);
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', `--filter=${name}...`, '--output-logs=errors-only'], { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    process.stderr.write(`${label}: the build failed (see above); run "npm install" at the top of the checkout, then try again.\n`);
    process.exit(2);
  }
  // Turbo may restore an unchanged build from its cache without rewriting it: mark it as fresh.
  const now = new Date();
  for (const { folder } of outdated) {
    const stamp = join(folder, 'dist', STAMP);
    if (!existsSync(stamp)) writeFileSync(stamp, '');
    utimesSync(stamp, now, now);
  }
}

/** `built.mjs <package> <entry> …`: build when needed, then run the entry with the remaining arguments. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [name, entry, ...rest] = process.argv.slice(2);
  const packages = workspacePackages();
  if (!name || !entry || !packages.has(name)) {
    process.stderr.write(`usage: node platform/cli/bin/built.mjs <workspace package> <entry> [arguments…]; "${name ?? ''}" is not a workspace package.\n`);
    process.exit(2);
  }
  ensureBuilt(name, `npm run ${process.env.npm_lifecycle_event ?? name}`);
  process.argv = [process.argv[0], join(packages.get(name).folder, entry), ...rest];
  await import(pathToFileURL(join(packages.get(name).folder, entry)).href);
}

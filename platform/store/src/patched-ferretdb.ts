import { execFile } from 'node:child_process';
import { cp, chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { StoreError } from './errors.js';

const run = promisify(execFile);

/** The hub's query pushdown for FerretDB's SQLite backend: a patch and the files it adds. */
export const PUSHDOWN_DIR = fileURLToPath(new URL('../pushdown/', import.meta.url));

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

/** Where each folder of added Go files goes inside FerretDB's module. */
const ADDED_FILES: Record<string, string> = {
  backends: 'internal/backends',
  'backends/sqlite': 'internal/backends/sqlite',
  'backends/sqlite/metadata': 'internal/backends/sqlite/metadata',
  handler: 'internal/handler',
  'handler/common/aggregations/stages': 'internal/handler/common/aggregations/stages',
};

/** Everything in `pushdownDir` that goes into the build, as [path, contents], for cache keys. */
export async function pushdownSources(pushdownDir = PUSHDOWN_DIR): Promise<Array<[string, Buffer]>> {
  const sources: Array<[string, Buffer]> = [['ferretdb.patch', await readFile(join(pushdownDir, 'ferretdb.patch'))]];
  for (const folder of Object.keys(ADDED_FILES).sort()) {
    for (const name of (await readdir(join(pushdownDir, folder))).filter((n) => n.endsWith('.go')).sort()) {
      sources.push([`${folder}/${name}`, await readFile(join(pushdownDir, folder, name))]);
    }
  }
  return sources;
}

/**
 * Lays out FerretDB with the hub's pushdown in `workDir` and returns a go.mod for `sourceDir`
 * that builds against it (`go build -modfile`): FerretDB's module, as `sourceDir`'s go.mod and
 * go.sum pin it, copied from Go's module cache (downloaded if missing), the patch applied with
 * `git apply`, the added files copied in, and a `replace` pointing at the copy. Go's module cache
 * itself is never written to, and `sourceDir` is left as it is.
 */
export async function preparePatchedFerretDB(sourceDir: string, workDir: string, pushdownDir = PUSHDOWN_DIR): Promise<string> {
  const moduleDir = await ferretdbModuleDir(sourceDir);
  const copy = join(workDir, 'ferretdb-src');
  await rm(copy, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  await cp(moduleDir, copy, { recursive: true });
  await makeWritable(copy); // the module cache's files are read-only

  const patch = join(pushdownDir, 'ferretdb.patch');
  try {
    // Outside any repository: inside one (a cache folder in a checkout), `git apply` would take
    // the patch's paths as the repository's and skip them.
    const { GIT_DIR: _dir, GIT_WORK_TREE: _tree, ...env } = process.env;
    await run('git', ['apply', '-p1', '--whitespace=nowarn', patch], { cwd: copy, timeout: 60_000, env: { ...env, GIT_CEILING_DIRECTORIES: dirname(copy) } });
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string };
    throw new StoreError(
      'BUILD_FAILED',
      code === 'ENOENT'
        ? 'git was not found on PATH; it is needed once to apply the hub\'s patch to FerretDB when building the embedded store.'
        : `The hub's patch ${patch} does not apply to FerretDB in ${moduleDir}: ${stderr?.trim() || String(error)}. ` +
            'Was the FerretDB version in platform/store/ferretdb/go.mod changed without updating the patch?',
      { cause: error },
    );
  }
  for (const [from, to] of Object.entries(ADDED_FILES)) {
    for (const name of (await readdir(join(pushdownDir, from))).filter((n) => n.endsWith('.go'))) {
      await cp(join(pushdownDir, from, name), join(copy, to, name));
    }
  }

  const modfile = join(workDir, 'hub.mod');
  const goMod = await readFile(join(sourceDir, 'go.mod'), 'utf8');
  await writeFile(modfile, `${goMod.trimEnd()}\n\n// Written by the hub's store build: FerretDB with the hub's pushdown.\nreplace ${FERRETDB_MODULE} => ${copy}\n`);
  await writeFile(join(workDir, 'hub.sum'), await readFile(join(sourceDir, 'go.sum')));
  return modfile;
}

async function ferretdbModuleDir(sourceDir: string): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await run('go', ['mod', 'download', '-json', FERRETDB_MODULE], {
      cwd: sourceDir,
      timeout: 10 * 60_000,
    }));
  } catch (error) {
    const { stdout: out, stderr } = error as { stdout?: string; stderr?: string };
    throw new StoreError(
      'BUILD_FAILED',
      `Could not get FerretDB's module (go mod download ${FERRETDB_MODULE}): ${(out || stderr || String(error)).trim()}. ` +
        'Check access to the Go module proxy (GOPROXY); or set MONGODB_URI to use an existing MongoDB server instead.',
      { cause: error },
    );
  }
  const { Dir, Error: failure } = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!Dir) throw new StoreError('BUILD_FAILED', `go mod download ${FERRETDB_MODULE} gave no folder: ${failure ?? stdout}`);
  return Dir;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

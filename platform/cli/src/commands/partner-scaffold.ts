/**
 * Writes a new partner's project from `templates/partner/`: the same files for everyone, with the
 * subgraph's name put in. Nothing is overwritten: the folder must be new or empty.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli.js';

const TEMPLATE = fileURLToPath(new URL('../../templates/partner/', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat().sort();
}

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export async function scaffold(name: string, dir: string): Promise<{ dir: string; files: string[] }> {
  const target = resolve(dir);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new CliError(`cannot use ${target}: ${error.message}.`);
  });
  if (existing.length > 0) throw new CliError(`${target} is not empty; give --dir a new folder (nothing was written).`);
  const written: string[] = [];
  for (const source of await filesUnder(TEMPLATE)) {
    // npm drops files named .gitignore from packages, so the template keeps it as "gitignore".
    const path = relative(TEMPLATE, source).replace(/^gitignore$/, '.gitignore');
    const text = (await readFile(source, 'utf8')).replaceAll('__NAME_CAMEL__', camel(name)).replaceAll('__NAME__', name);
    await mkdir(join(target, path, '..'), { recursive: true });
    await writeFile(join(target, path), text);
    written.push(path);
  }
  return { dir: target, files: written };
}

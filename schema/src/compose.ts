/**
 * Prints each subgraph's SDL from its code, composes the supergraph with @apollo/composition, and
 * either writes both (`--write`, what `npm run compose` does) or reports drift from the checked-in
 * files (`--check`). Each subgraph prints in its own process: type-graphql keeps its metadata
 * per process, and the subgraphs must not see each other's classes.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultSubgraphUrl, HUB_SUBGRAPHS, type HubSubgraph } from './subgraphs.js';

const run = promisify(execFile);
// createRequire rather than import.meta.resolve: vitest's module runner does not support the latter.
const require = createRequire(import.meta.url);

export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export function packageDir(subgraph: HubSubgraph): string {
  return dirname(dirname(require.resolve(subgraph.packageName)));
}

export function subgraphSchemaFile(subgraph: HubSubgraph): string {
  return join(packageDir(subgraph), 'schema.graphql');
}

/** The SDL a subgraph's code produces now. */
export async function printSubgraph(subgraph: HubSubgraph): Promise<string> {
  const script = join(packageDir(subgraph), 'dist', 'print-schema.js');
  const { stdout } = await run(process.execPath, [script], { maxBuffer: 10_000_000 });
  return stdout;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`composition failed:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
  }
}

export interface Composition {
  subgraphs: Array<{ subgraph: HubSubgraph; sdl: string }>;
  supergraph: string;
}

export function composeSdl(subgraphs: Array<{ name: string; url: string; sdl: string }>): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}

export async function composeHub(): Promise<Composition> {
  const subgraphs = await Promise.all(HUB_SUBGRAPHS.map(async (subgraph) => ({ subgraph, sdl: await printSubgraph(subgraph) })));
  const supergraph = composeSdl(subgraphs.map(({ subgraph, sdl }) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl })));
  return { subgraphs, supergraph };
}

/** Files whose checked-in text differs from what the code composes now. */
export async function drift(composition: Composition): Promise<string[]> {
  const expected = [
    ...composition.subgraphs.map(({ subgraph, sdl }) => [subgraphSchemaFile(subgraph), sdl] as const),
    [SUPERGRAPH_FILE, composition.supergraph] as const,
  ];
  const stale: string[] = [];
  for (const [file, text] of expected) {
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current !== text) stale.push(file);
  }
  return stale;
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  let composition: Composition;
  try {
    composition = await composeHub();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  if (write) {
    for (const { subgraph, sdl } of composition.subgraphs) await writeFile(subgraphSchemaFile(subgraph), sdl);
    await writeFile(SUPERGRAPH_FILE, composition.supergraph);
    process.stderr.write(`wrote ${composition.subgraphs.length} subgraph schemas and ${SUPERGRAPH_FILE}\n`);
    return;
  }
  const stale = await drift(composition);
  if (stale.length > 0) {
    process.stderr.write(`out of date (run "npm run compose"):\n${stale.map((file) => `  ${file}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stderr.write('schemas and supergraph are up to date\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

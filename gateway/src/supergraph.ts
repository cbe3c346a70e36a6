/**
 * The supergraph comes from a file composed ahead of time: the gateway never needs a live
 * subgraph to start. When the file changes it is reloaded; an invalid new file is refused and the
 * last good supergraph keeps serving.
 */
import { readFile } from 'node:fs/promises';
import { watchFile, unwatchFile } from 'node:fs';
import { createRequire } from 'node:module';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@hub/core';

export function defaultSupergraphFile(): string {
  // createRequire rather than import.meta.resolve: vitest's module runner does not support the latter.
  return createRequire(import.meta.url).resolve('@hub/schema/supergraph.graphql');
}

export async function readSupergraph(file: string): Promise<string> {
  let sdl: string;
  try {
    sdl = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new Error(`the supergraph file ${file} cannot be read: ${reason} (run "npm run compose", or set HUB_SUPERGRAPH_FILE)`);
  }
  if (!sdl.includes('@link(url: "https://specs.apollo.dev/join/')) {
    throw new Error(`${file} is not a composed supergraph (no join spec link); run "npm run compose"`);
  }
  return sdl;
}

/** A supergraph hook that serves `initial` (read from `file`) and follows the file's changes (polled, so it works on any file system). */
export function supergraphFromFile(file: string, initial: string, log: Logger, pollMs = 1000): SupergraphSdlHook {
  return async ({ update }) => {
    let current = initial;
    const reload = async () => {
      let next: string;
      try {
        next = await readSupergraph(file);
      } catch (error) {
        log.error('supergraph file unreadable; still serving the last good one', { error });
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        log.info('supergraph reloaded', { file });
      } catch (error) {
        log.error('new supergraph refused; still serving the last good one', { error });
      }
    };
    watchFile(file, { interval: pollMs }, () => void reload());
    return { supergraphSdl: initial, cleanup: async () => unwatchFile(file) };
  };
}

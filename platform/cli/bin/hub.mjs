#!/usr/bin/env node
// The `hub` command's entry: runs the built CLI, building it (and @hub/core) first only when
// their sources are newer than the build (a fresh clone, or after a change), so a call costs
// well under a second when nothing changed. Plain JavaScript, so it runs before anything is compiled.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './built.mjs';

ensureBuilt('@hub/cli', 'hub');
await import(pathToFileURL(join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist', 'main.js')).href);

/**
 * The README is the contract with a newcomer: every variable any hub process reads is in its
 * tables, and its two commands are the ones the project really has.
 */
import { readFileSync } from 'node:fs';
import { logSpec, tracingSpec } from '@hub/core';
import { gatewaySpec } from '@hub/gateway';
import { subgraphSpec } from '@hub/kit';
import { launcherSpec } from '@hub/launcher';
import { HUB_SUBGRAPHS } from '@hub/schema';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rootPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('the README', () => {
  const variables = new Set([
    ...Object.keys(logSpec),
    ...Object.keys(tracingSpec),
    ...Object.keys(gatewaySpec),
    ...Object.keys(launcherSpec()),
    ...HUB_SUBGRAPHS.flatMap((subgraph) => Object.keys(subgraphSpec(subgraph.name, subgraph.defaultPort))),
  ]);

  it.each([...variables])('documents %s in a table', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('shows npm start and npm test first, and both exist', () => {
    const firstBlocks = readme.split('## ')[0]!;
    expect(firstBlocks).toContain('npm start');
    expect(firstBlocks).toContain('npm test');
    expect(rootPackage.scripts.start).toBeDefined();
    expect(rootPackage.scripts.test).toBeDefined();
  });

  it('names only npm scripts that exist', () => {
    for (const [, script] of readme.matchAll(/npm run (?:--silent )?([a-z]+)/g)) {
      expect(rootPackage.scripts, `npm run ${script}`).toHaveProperty(script!);
    }
  });
});

/**
 * Starts one real hub for the end-to-end tests: the embedded store on a fresh temporary data
 * folder, the seed, the three subgraphs and the gateway, all on free ports; tears it all down.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { loadLauncherConfig, startHub, type RunningHub } from '@hub/launcher';
import type { TestProject } from 'vitest/node';

export interface HubUnderTest {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  targets: Record<string, { uri: string; dbName: string }>;
  signingSecret: string;
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hub: HubUnderTest;
  }
}

let hub: RunningHub | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-e2e-'));
  // With HUB_STORE_BACKEND=postgresql as root, PostgreSQL runs as an unprivileged account that
  // must be able to enter the folder (mkdtemp makes it 0700).
  if (process.env.HUB_STORE_BACKEND === 'postgresql') await chmod(dataDir, 0o755);
  const zeroPorts = { GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_PORT: '0' };
  // The tests import the source documents themselves (documents.e2e.ts), as a user would.
  // The tests own this hub: only what a test sets (not the developer's shell) configures it.
  const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_DOCUMENTS_DIR: 'none', ...zeroPorts, HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR, HUB_STORE_BACKEND: process.env.HUB_STORE_BACKEND });
  const began = Date.now();
  hub = await startHub({ config, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', HUB_RATE_LIMIT_PER_MINUTE: '1000000' }, log: createLogger('e2e', { level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn', format: 'pretty' }) });
  process.stderr.write(`e2e: hub ready in ${((Date.now() - began) / 1000).toFixed(1)} s at ${hub.gatewayUrl}\n`);
  project.provide('hub', {
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: hub.subgraphUrls,
    targets: hub.targets,
    signingSecret: hub.signingSecret,
    dataDir,
  });
}

export async function teardown(): Promise<void> {
  await hub?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

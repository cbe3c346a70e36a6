/**
 * Starts the whole hub: storage (the embedded store unless MongoDB URIs are given), the seed,
 * the three subgraphs and the gateway, each subgraph and the gateway in a process of its own.
 * Used by `npm start` and by the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { formatSubgraphUrls, type Logger } from '@hub/core';
import { applySeed } from '@hub/seed';
import { startService } from './child-process.js';
import { importDocumentsDir } from './import-documents.js';
import { supervise } from './supervise.js';
import type { LauncherConfig } from './config.js';
import { freePort } from './ports.js';
import { openStorage } from './storage.js';

export interface RunningHub {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Record<string, string>;
  readonly targets: Record<string, { uri: string; dbName: string }>;
  readonly signingSecret: string;
  /** Settles with a sentence if a process keeps crashing and the supervisor gives up on it. */
  readonly failed: Promise<string>;
  stop(): Promise<void>;
}

export interface HubOptions {
  config: LauncherConfig;
  log: Logger;
  /** Extra environment for the children (e.g. HUB_ENV=production in a test). */
  env?: NodeJS.ProcessEnv;
  host?: string;
}

// createRequire rather than import.meta.resolve: vitest's module runner does not support the latter.
const scriptOf = (specifier: string) => createRequire(import.meta.url).resolve(specifier);

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { config, log } = options;
  const host = options.host ?? '127.0.0.1';
  const started: Array<{ stop(): Promise<void> }> = [];
  let giveUp!: (reason: string) => void;
  const failed = new Promise<string>((resolve) => (giveUp = resolve));
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch((error: unknown) => log.error('stop failed', { error }));
  };
  try {
    const storage = await openStorage(config, log, giveUp);
    started.push(storage);
    if (config.seed) await applySeed({ targets: storage.targets, log: log.child('seed') });

    const signingSecret = config.signingSecret ?? randomBytes(32).toString('base64url');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      HUB_HOST: host,
      HUB_DATA_DIR: config.dataDir,
      HUB_SIGNING_SECRET: signingSecret,
    };
    const ports = await Promise.all(config.subgraphs.map((subgraph) => (subgraph.port === 0 ? freePort(host) : subgraph.port)));
    // Every process learns where every subgraph is: the gateway to route, subgraphs to check references.
    const subgraphUrls = Object.fromEntries(config.subgraphs.map((subgraph, index) => [subgraph.name, `http://${host}:${ports[index]}/graphql`]));
    env.HUB_SUBGRAPH_URLS = formatSubgraphUrls(subgraphUrls);
    await Promise.all(
      config.subgraphs.map(async (subgraph, index) => {
        const prefix = subgraph.name.toUpperCase();
        const service = await supervise({
          name: `the ${subgraph.name} subgraph`,
          log,
          onGiveUp: giveUp,
          start: () =>
            startService({
              name: subgraph.name,
              script: scriptOf(`${subgraph.packageName}/main`),
              baseUrl: `http://${host}:${ports[index]}`,
              log,
              env: {
                ...env,
                [`${prefix}_PORT`]: String(ports[index]),
                [`${prefix}_MONGODB_URI`]: storage.targets[subgraph.name]!.uri,
                [`${prefix}_DB`]: subgraph.dbName,
              },
            }),
        });
        started.push(service);
        return service;
      }),
    );
    const gatewayPort = config.gatewayPort === 0 ? await freePort(host) : config.gatewayPort;
    const gatewayBase = `http://${host}:${gatewayPort}`;
    const gateway = await supervise({
      name: 'the gateway',
      log,
      onGiveUp: giveUp,
      start: () =>
        startService({ name: 'gateway', script: scriptOf('@hub/gateway/main'), baseUrl: gatewayBase, log, env: { ...env, GATEWAY_PORT: String(gatewayPort), HUB_REGISTRY_MONGODB_URI: storage.registryUri } }),
    });
    started.push(gateway);
    if (config.documentsDir) await importDocumentsDir({ dir: config.documentsDir, knowledgeUrl: subgraphUrls.knowledge!, signingSecret, log: log.child('documents') });
    return {
      failed,
      gatewayUrl: `${gatewayBase.replace('127.0.0.1', 'localhost')}/graphql`,
      subgraphUrls,
      targets: storage.targets,
      signingSecret,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

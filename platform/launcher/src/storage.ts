import { join } from 'node:path';
import type { Logger } from '@hub/core';
import { defaultCacheDir, startEmbeddedStore } from '@hub/store';
import type { LauncherConfig } from './config.js';

export interface Storage {
  /** Each subgraph's server and database. */
  readonly targets: Record<string, { uri: string; dbName: string }>;
  /** The server of the registry database (partners, supergraph versions, usage). */
  readonly registryUri: string;
  stop(): Promise<void>;
}

/**
 * The databases the subgraphs use: the configured MongoDB servers, or, for every subgraph
 * without one, the embedded store started here with its data under HUB_DATA_DIR/store.
 */
export async function openStorage(config: LauncherConfig, log: Logger): Promise<Storage> {
  const needsEmbedded = config.subgraphs.some((subgraph) => !(subgraph.mongoUri ?? config.mongoUri));
  const store = needsEmbedded
    ? await startEmbeddedStore({
        dataDir: join(config.dataDir, 'store'),
        port: config.storePort,
        cacheDir: config.storeCacheDir ?? defaultCacheDir(),
        log: log.child('store'),
      })
    : undefined;
  if (store) log.info(`embedded store ready at ${store.uri}`, { data: join(config.dataDir, 'store') });
  else log.info('using the configured MongoDB server(s); no embedded store started');
  const targets = Object.fromEntries(
    config.subgraphs.map((subgraph) => [subgraph.name, { uri: subgraph.mongoUri ?? config.mongoUri ?? store!.uri, dbName: subgraph.dbName }]),
  );
  // The registry lives beside the hub's own data unless it is given a server of its own.
  const registryUri = process.env.HUB_REGISTRY_MONGODB_URI || config.mongoUri || store?.uri || Object.values(targets)[0]!.uri;
  return { targets, registryUri, stop: async () => store?.stop() };
}

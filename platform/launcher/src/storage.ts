import type { Logger } from '@hub/core';
import { defaultCacheDir, otherBackendNotice, startEmbeddedStore, storeDataDir } from '@hub/store';
import type { LauncherConfig } from './config.js';
import { supervise } from './supervise.js';

export interface Storage {
  /** Each subgraph's server and database. */
  readonly targets: Record<string, { uri: string; dbName: string }>;
  /** The server of the registry database (partners, supergraph versions, usage). */
  readonly registryUri: string;
  stop(): Promise<void>;
}

/**
 * The databases the subgraphs use: the configured MongoDB servers, or, for every subgraph
 * without one, the embedded store started here with its data under HUB_DATA_DIR/store (or
 * HUB_DATA_DIR/store-postgresql with HUB_STORE_BACKEND=postgresql). The store
 * is supervised: if it dies it is started again on the same port and data, so the subgraphs
 * (whose drivers reconnect) recover by themselves.
 */
export async function openStorage(config: LauncherConfig, log: Logger, onGiveUp: (reason: string) => void): Promise<Storage> {
  const needsEmbedded = config.subgraphs.some((subgraph) => !(subgraph.mongoUri ?? config.mongoUri));
  const backend = config.storeBackend;
  const dataDir = storeDataDir(config.dataDir, backend);
  const notice = needsEmbedded ? otherBackendNotice(config.dataDir, backend) : undefined;
  if (notice) log.warn(notice);
  let port = config.storePort;
  let uri: string | undefined;
  const store = needsEmbedded
    ? await supervise({
        name: 'the embedded store',
        log,
        onGiveUp,
        start: async () => {
          const started = await startEmbeddedStore({ dataDir, backend, port, cacheDir: config.storeCacheDir ?? defaultCacheDir(), log: log.child('store') });
          // A restart must come back where the subgraphs look for it.
          port = started.port;
          uri = started.uri;
          return started;
        },
      })
    : undefined;
  if (store) log.info(`embedded store ready at ${uri}`, { backend, data: dataDir });
  else log.info('using the configured MongoDB server(s); no embedded store started');
  const targets = Object.fromEntries(
    config.subgraphs.map((subgraph) => [subgraph.name, { uri: subgraph.mongoUri ?? config.mongoUri ?? uri!, dbName: subgraph.dbName }]),
  );
  // The registry lives beside the hub's own data unless it is given a server of its own.
  const registryUri = process.env.HUB_REGISTRY_MONGODB_URI || config.mongoUri || uri || Object.values(targets)[0]!.uri;
  return { targets, registryUri, stop: async () => store?.stop() };
}

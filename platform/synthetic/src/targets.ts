/**
 * Where `hub generate` writes: the store the hub's own tools use, found the way `npm run seed`
 * finds it — MONGODB_URI (or a subgraph's own *_MONGODB_URI), else the embedded store whose data
 * is in HUB_DATA_DIR, started for the job on a free port and stopped after it.
 */
import { datasetDbName, loadConfig, sharedVariables, subgraphVariables, v, type Env, type Logger, type StoreBackend } from '@hub/core';
import { redactUri } from '@hub/kit';
import { defaultCacheDir, otherBackendNotice, startEmbeddedStore, storeDataDir } from '@hub/store';
import type { Targets } from './generate.js';
import type { SubgraphName } from './dataset.js';

const NAMES: SubgraphName[] = ['organization', 'events', 'knowledge'];

export function targetSpec() {
  return {
    HUB_DATA_DIR: sharedVariables.HUB_DATA_DIR,
    HUB_STORE_BACKEND: sharedVariables.HUB_STORE_BACKEND,
    MONGODB_URI: sharedVariables.MONGODB_URI,
    HUB_STORE_CACHE_DIR: v.optionalString({ doc: "where the embedded store's binary is built and kept (default ~/.cache/hub)" }),
    ...Object.fromEntries(NAMES.map((name) => [`${name.toUpperCase()}_MONGODB_URI`, subgraphVariables(name, 0)[`${name.toUpperCase()}_MONGODB_URI`]!])),
  };
}

export interface OpenTargets {
  readonly targets: Targets;
  /** Where the data went, for people: the server(s) and the embedded store's folder, if any. */
  readonly where: string;
  stop(): Promise<void>;
}

export async function openTargets(log: Logger, env: Env = process.env): Promise<OpenTargets> {
  const config = loadConfig(targetSpec(), env) as Record<string, string | undefined>;
  const backend = config.HUB_STORE_BACKEND as StoreBackend;
  const dataDir = storeDataDir(config.HUB_DATA_DIR!, backend);
  const uriOf = (name: SubgraphName) => config[`${name.toUpperCase()}_MONGODB_URI`] ?? config.MONGODB_URI;
  let store: Awaited<ReturnType<typeof startEmbeddedStore>> | undefined;
  if (NAMES.some((name) => !uriOf(name))) {
    const notice = otherBackendNotice(config.HUB_DATA_DIR!, backend);
    if (notice) log.warn(notice);
    store = await startEmbeddedStore({ dataDir, backend, port: 0, cacheDir: config.HUB_STORE_CACHE_DIR ?? defaultCacheDir(), log: log.child('store') });
  }
  const targets = Object.fromEntries(NAMES.map((name) => [name, { uri: uriOf(name) ?? store!.uri, dbName: datasetDbName(name, 'synthetic') }])) as Targets;
  const servers = [...new Set(Object.values(targets).map((t) => redactUri(t.uri)))];
  return {
    targets,
    where: store ? `the embedded store (${backend}) in ${dataDir}` : servers.join(', '),
    stop: async () => store?.stop(),
  };
}

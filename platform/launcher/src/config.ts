import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, environmentSpec, loadConfig, sharedVariables, subgraphVariables, v, type Dataset, type Env, type StoreBackend } from '@hub/core';
import { HUB_SUBGRAPHS } from '@hub/schema';

/** The five source documents, when the checkout has the shared folder beside it. */
const SOURCE_DOCUMENTS = fileURLToPath(new URL('../../../../shared/seed-documents', import.meta.url));

/** What `npm start` reads; the processes it starts read their own variables too. */
export function launcherSpec() {
  return {
    ...environmentSpec,
    HUB_DATA_DIR: sharedVariables.HUB_DATA_DIR,
    HUB_DATASET: sharedVariables.HUB_DATASET,
    MONGODB_URI: sharedVariables.MONGODB_URI,
    HUB_STORE_BACKEND: sharedVariables.HUB_STORE_BACKEND,
    HUB_STORE_PORT: v.port({ default: 27017, doc: 'the embedded store\'s port (0 picks a free one)' }),
    HUB_STORE_CACHE_DIR: v.optionalString({ doc: 'where the embedded store\'s binary is built and kept (default ~/.cache/hub)' }),
    // The synthetic data set has its own databases: seeding them would mix the facts in.
    HUB_SEED: v.bool({ default: (env: Env) => env.HUB_DATASET?.trim() !== 'synthetic', doc: 'apply the seed at start (idempotent; records edited through the API are kept); false with HUB_DATASET=synthetic' }),
    HUB_DOCUMENTS_DIR: v.string({
      // The five source documents sit beside a checkout (../shared/seed-documents): when they are
      // there, npm start takes their text in, so search works from the first start. Never needed.
      default: (env: Env) => (env.HUB_DATASET?.trim() !== 'synthetic' && existsSync(SOURCE_DOCUMENTS) ? SOURCE_DOCUMENTS : 'none'),
      doc: 'a folder of articles (.txt, .md, .html) imported at start, as by hub documents import (idempotent); none: import nothing',
    }),
    GATEWAY_PORT: sharedVariables.GATEWAY_PORT,
    HUB_SIGNING_SECRET: v.secret({ optional: true, doc: 'the secret the gateway signs subgraph requests with; npm start makes a random one per run when unset' }),
    ...Object.assign({}, ...HUB_SUBGRAPHS.map((subgraph) => subgraphVariables(subgraph.name, subgraph.defaultPort))),
  };
}

export interface LauncherConfig {
  readonly dataDir: string;
  readonly dataset: Dataset;
  readonly mongoUri?: string;
  readonly storeBackend: StoreBackend;
  readonly storePort: number;
  readonly storeCacheDir?: string;
  readonly seed: boolean;
  readonly documentsDir?: string;
  readonly gatewayPort: number;
  readonly signingSecret?: string;
  readonly subgraphs: ReadonlyArray<{ name: string; packageName: string; port: number; mongoUri?: string; dbName: string }>;
}

export function loadLauncherConfig(env: Env = process.env): LauncherConfig {
  const raw = loadConfig(launcherSpec(), env) as Record<string, unknown>;
  if (raw.HUB_DATASET === 'synthetic' && (raw.HUB_SEED || raw.HUB_DOCUMENTS_DIR !== 'none')) {
    throw new ConfigError([
      `HUB_DATASET=synthetic serves the generated databases, which must not get the seeded facts: unset ${raw.HUB_SEED ? 'HUB_SEED' : 'HUB_DOCUMENTS_DIR'} (or set ${raw.HUB_SEED ? 'HUB_SEED=false' : 'HUB_DOCUMENTS_DIR=none'})`,
    ]);
  }
  return Object.freeze({
    dataDir: resolve(raw.HUB_DATA_DIR as string),
    dataset: raw.HUB_DATASET as Dataset,
    mongoUri: raw.MONGODB_URI as string | undefined,
    storeBackend: raw.HUB_STORE_BACKEND as StoreBackend,
    storePort: raw.HUB_STORE_PORT as number,
    storeCacheDir: raw.HUB_STORE_CACHE_DIR as string | undefined,
    seed: raw.HUB_SEED as boolean,
    documentsDir: raw.HUB_DOCUMENTS_DIR === 'none' ? undefined : resolve(raw.HUB_DOCUMENTS_DIR as string),
    gatewayPort: raw.GATEWAY_PORT as number,
    signingSecret: raw.HUB_SIGNING_SECRET as string | undefined,
    subgraphs: HUB_SUBGRAPHS.map((subgraph) => {
      const prefix = subgraph.name.toUpperCase();
      return {
        name: subgraph.name,
        packageName: subgraph.packageName,
        port: raw[`${prefix}_PORT`] as number,
        mongoUri: raw[`${prefix}_MONGODB_URI`] as string | undefined,
        dbName: raw[`${prefix}_DB`] as string,
      };
    }),
  });
}

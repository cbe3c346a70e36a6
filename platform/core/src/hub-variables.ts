/**
 * Variables that more than one process reads, defined once so they mean the same thing (and
 * validate the same way) in the launcher, the gateway and every subgraph.
 */
import { v, type Env } from './config.js';

/** Which data the hub serves: the seeded facts, or the data set `hub generate` writes. */
export type Dataset = 'facts' | 'synthetic';

/**
 * A subgraph's default database for a data set. The synthetic data lives in databases of its own
 * (`hub_synthetic_events`, …), so generated records never mix with the seeded facts.
 */
export function datasetDbName(subgraph: string, dataset: Dataset): string {
  return dataset === 'synthetic' ? `hub_synthetic_${subgraph}` : `hub_${subgraph}`;
}

const datasetVariable = v.oneOf(['facts', 'synthetic'] as const, {
  default: 'facts',
  doc: 'which data the hub serves: facts (the seeded databases hub_organization, …) or synthetic (the databases hub generate writes, hub_synthetic_organization, …; no seed, no document import)',
});

/** Which database engine the embedded store keeps its data in (README: "The store"). */
export type StoreBackend = 'sqlite' | 'postgresql';

const storeBackendVariable = v.oneOf(['sqlite', 'postgresql'] as const, {
  default: 'sqlite',
  doc: "the embedded store's backend: sqlite (files in HUB_DATA_DIR/store) or postgresql (an embedded PostgreSQL in HUB_DATA_DIR/store-postgresql); each keeps its own data",
});

export const sharedVariables = {
  HUB_STORE_BACKEND: storeBackendVariable,
  HUB_DATASET: datasetVariable,
  HUB_HOST: v.string({ default: '127.0.0.1', doc: 'the address every hub process listens on' }),
  HUB_DATA_DIR: v.string({ default: '.hub-data', doc: "where the hub keeps local state: the embedded store's data and the development token secret" }),
  GATEWAY_PORT: v.httpPort({ default: 4000, doc: "the gateway's HTTP port (0 picks a free one)" }),
  MONGODB_URI: v.mongoUri({ default: () => undefined, doc: 'a MongoDB 6+ server for every subgraph; when unset, npm start starts the embedded store' }),
  HUB_SUBGRAPH_URLS: v.optionalString({
    doc: 'where the subgraphs answer, as name=url pairs separated by commas: the gateway routes by it, subgraphs check references with it',
  }),
};

/** Required wherever requests are signed or checked; npm start makes one per run. */
export const signingSecretVariable = v.secret({ doc: "the hub's signing secret, shared by the gateway and the hub's subgraphs; each subgraph's own secret is derived from it" });

/** One subgraph's port, MongoDB server (falling back to MONGODB_URI) and database name. */
export function subgraphVariables(name: string, defaultPort: number) {
  const prefix = name.toUpperCase();
  return {
    [`${prefix}_PORT`]: v.httpPort({ default: defaultPort, doc: `the ${name} subgraph's HTTP port (0 picks a free one)` }),
    [`${prefix}_MONGODB_URI`]: v.mongoUri({
      default: (env: Env) => env.MONGODB_URI || undefined,
      doc: `the ${name} subgraph's MongoDB server; falls back to MONGODB_URI`,
    }),
    HUB_DATASET: datasetVariable,
    [`${prefix}_DB`]: v.string({
      default: (env: Env) => datasetDbName(name, env.HUB_DATASET?.trim() === 'synthetic' ? 'synthetic' : 'facts'),
      doc: `the ${name} subgraph's database name (hub_${name}; with HUB_DATASET=synthetic, hub_synthetic_${name})`,
    }),
  };
}

import { ConfigError, environmentSpec, loadConfig, parseSubgraphUrls, v, type Env } from '@hub/core';

/** The variables every subgraph reads; `<NAME>_…` ones are prefixed with the subgraph's name. */
export function subgraphSpec(name: string, defaultPort: number) {
  const prefix = name.toUpperCase();
  return {
    ...environmentSpec,
    HUB_HOST: v.string({ default: '127.0.0.1', doc: 'the address every hub process listens on' }),
    [`${prefix}_PORT`]: v.port({ default: defaultPort, doc: `the ${name} subgraph's HTTP port (0 picks a free one)` }),
    [`${prefix}_MONGODB_URI`]: v.mongoUri({
      default: (env: Env) => env.MONGODB_URI || undefined,
      doc: `the ${name} subgraph's MongoDB server; falls back to MONGODB_URI`,
    }),
    [`${prefix}_DB`]: v.string({ default: `hub_${name}`, doc: `the ${name} subgraph's database name` }),
    HUB_SIGNING_SECRET: v.secret({ doc: 'the secret the gateway signs subgraph requests with (shared by the gateway and every subgraph)' }),
    HUB_SUBGRAPH_URLS: v.optionalString({ doc: 'where the other subgraphs answer, as name=url pairs separated by commas (to check references on writes)' }),
    HUB_SIGNATURE_MAX_AGE_SECONDS: v.int({ default: 60, min: 1, max: 3600, doc: 'how old a signed request may be before a subgraph refuses it' }),
  };
}

export interface SubgraphConfig {
  readonly env: 'development' | 'production';
  readonly host: string;
  readonly port: number;
  readonly mongoUri: string;
  readonly dbName: string;
  readonly signingSecret: string;
  readonly signatureMaxAgeMs: number;
  readonly peerUrls: ReadonlyMap<string, string>;
}

/** Reads and validates a subgraph's configuration; throws ConfigError naming each bad variable. */
export function loadSubgraphConfig(name: string, defaultPort: number, env: Env = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  const raw = loadConfig(subgraphSpec(name, defaultPort), env) as Record<string, unknown>;
  const mongoUri = raw[`${prefix}_MONGODB_URI`] as string | undefined;
  if (!mongoUri) {
    throw new ConfigError([`${prefix}_MONGODB_URI or MONGODB_URI is required: the ${name} subgraph's MongoDB server (npm start provides an embedded one)`]);
  }
  let peerUrls: Map<string, string>;
  try {
    peerUrls = parseSubgraphUrls(raw.HUB_SUBGRAPH_URLS as string | undefined);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  return Object.freeze({
    peerUrls,
    env: raw.HUB_ENV as 'development' | 'production',
    host: raw.HUB_HOST as string,
    port: raw[`${prefix}_PORT`] as number,
    mongoUri,
    dbName: raw[`${prefix}_DB`] as string,
    signingSecret: raw.HUB_SIGNING_SECRET as string,
    signatureMaxAgeMs: (raw.HUB_SIGNATURE_MAX_AGE_SECONDS as number) * 1000,
  });
}

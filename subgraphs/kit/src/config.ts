import { ConfigError, environmentSpec, loadConfig, parseSubgraphUrls, sharedVariables, signingSecretVariable, subgraphVariables, v, type Env } from '@hub/core';

/** The variables every subgraph reads; `<NAME>_…` ones are prefixed with the subgraph's name. */
export function subgraphSpec(name: string, defaultPort: number) {
  return {
    ...environmentSpec,
    HUB_HOST: sharedVariables.HUB_HOST,
    MONGODB_URI: sharedVariables.MONGODB_URI,
    ...subgraphVariables(name, defaultPort),
    HUB_SIGNING_SECRET: signingSecretVariable,
    HUB_SUBGRAPH_URLS: sharedVariables.HUB_SUBGRAPH_URLS,
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

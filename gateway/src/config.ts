import { environmentSpec, loadConfig, sharedVariables, signingSecretVariable, v, type Env } from '@hub/core/config';

/** Every variable the gateway reads, with its default and meaning (mirrored in the README). */
export const gatewaySpec = {
  ...environmentSpec,
  HUB_HOST: sharedVariables.HUB_HOST,
  GATEWAY_PORT: sharedVariables.GATEWAY_PORT,
  HUB_DATA_DIR: sharedVariables.HUB_DATA_DIR,
  HUB_SUPERGRAPH_FILE: v.optionalString({ doc: 'the composed supergraph to serve; defaults to schema/supergraph.graphql; reloaded when it changes' }),
  HUB_SUBGRAPH_URLS: sharedVariables.HUB_SUBGRAPH_URLS,
  HUB_SIGNING_SECRET: signingSecretVariable,
  HUB_JWT_SECRET: v.secret({ optional: true, doc: 'the HS256 secret callers\' tokens are signed with; in development it defaults to one kept in HUB_DATA_DIR' }),
  HUB_JWT_PUBLIC_KEY_FILE: v.optionalString({ doc: 'a PEM public key or a JWKS file to verify RS256/ES256/EdDSA tokens with (production)' }),
  HUB_JWT_ISSUER: v.string({ default: 'hub', doc: 'the `iss` every token must carry' }),
  HUB_JWT_AUDIENCE: v.string({ default: 'hub', doc: 'the `aud` every token must carry' }),
  HUB_MAX_TOKEN_DAYS: v.int({ default: 90, min: 1, max: 3650, doc: 'the longest a token may live (exp − iat), in days: longer ones are refused by the gateway, and neither `hub token create` nor `npm run token` issues one' }),
  HUB_ALLOW_ANONYMOUS: v.bool({
    default: (env: Env) => env.HUB_ENV !== 'production',
    doc: 'let callers without a token read (hub:read); on in development, off in production',
  }),
  HUB_IDE: v.bool({ default: true, doc: 'serve the GraphQL IDE (GraphiQL with its explorer, bundled, offline) at / and to browsers opening /graphql' }),
  HUB_INTROSPECTION: v.bool({ default: (env: Env) => env.HUB_ENV !== 'production', doc: 'answer introspection queries; on in development, off in production' }),
  HUB_MAX_DEPTH: v.int({ default: 12, min: 1, max: 100, doc: 'deepest field nesting a query may have' }),
  HUB_MAX_ALIASES: v.int({ default: 30, min: 0, max: 1000, doc: 'most aliases a query may use' }),
  HUB_RATE_LIMIT_PER_MINUTE: v.int({ default: 1200, min: 1, max: 10_000_000, doc: "GraphQL requests a caller (a valid token's subject, else an address) may send per minute, in bursts up to that many; more get 429 with retry-after" }),
  HUB_MAX_COST: v.int({ default: 100_000, min: 10, max: 100_000_000, doc: "highest estimated cost of an operation: each field 1, pages and lists multiplied by their size (first, else 20 for a page and 10 for a list)" }),
  HUB_MAX_TOKENS: v.int({ default: 3000, min: 100, max: 100000, doc: 'most lexical tokens a query may have' }),
  HUB_MAX_BODY_BYTES: v.int({ default: 200_000, min: 1000, max: 50_000_000, doc: 'largest request body, in bytes' }),
  HUB_SUBGRAPH_TIMEOUT_MS: v.int({ default: 10_000, min: 100, max: 300_000, doc: 'how long the gateway waits for a subgraph before giving up on it' }),
  HUB_SUBGRAPH_MAX_RESPONSE_BYTES: v.int({ default: 20_000_000, min: 1000, max: 1_000_000_000, doc: "largest answer the gateway accepts from a subgraph; a larger one is cut off and reported as that subgraph's error" }),
  HUB_SUBGRAPH_BATCHING: v.bool({ default: true, doc: "send the fetches of one plan step to one of the hub's own subgraphs together, as one batched request (partners' subgraphs always get one request per fetch)" }),
  HUB_SUBGRAPH_DEDUPLICATION: v.bool({ default: true, doc: 'answer a query fetch identical to one in flight (same subgraph, body and caller) with that one\'s answer instead of sending it again; never for mutations' }),
  HUB_BREAKER_FAILURES: v.int({ default: 5, min: 1, max: 1000, doc: "consecutive failures of a subgraph after which the gateway stops calling it for a while (circuit breaker)" }),
  HUB_BREAKER_OPEN_SECONDS: v.int({ default: 10, min: 1, max: 3600, doc: 'how long an open circuit breaker waits before letting one probe request through' }),
  HUB_REGISTRY_MONGODB_URI: v.mongoUri({
    default: (env: Env) => env.MONGODB_URI || undefined,
    doc: 'the MongoDB server of the registry database (partners, supergraph versions, usage); falls back to MONGODB_URI; npm start points it at the embedded store',
  }),
  HUB_REGISTRY_DB: v.string({ default: 'hub_registry', doc: "the registry's database name" }),
  HUB_REGISTRY_POLL_MS: v.int({ default: 2000, min: 100, max: 600_000, doc: 'how often the gateway asks the registry for a newer supergraph version and partner secrets' }),
  HUB_USAGE_DAYS: v.int({ default: 30, min: 1, max: 3650, doc: 'how many days of recorded operations a schema check looks at' }),
  HUB_SECRET_GRACE_HOURS: v.int({ default: 24, min: 0, max: 8760, doc: "how long a partner's old signing secret is still sent beside the new one after a rotation" }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: Env = process.env) {
  return loadConfig(gatewaySpec, env);
}

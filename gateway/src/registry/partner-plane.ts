/**
 * Everything the gateway does for subgraphs and the partners behind them, gathered in one place
 * so the server only wires it in: which secret signs each subgraph's requests, a circuit
 * breaker per subgraph, the registry (supergraph versions to follow, the /registry API),
 * usage recording (written in batches off the request path), and what reporting tools rely on:
 * service tokens checked against the registry, and persisted operations run by id.
 */
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { guardMongoDriverWrites, subgraphSecret, type Identity, type Logger, type RawRequest, type RouteHandler } from '@hub/core';
import { apiSchemaSdl, defaultSubgraphUrl, HUB_SUBGRAPHS, subgraphSchemaFile } from '@hub/schema';
import { buildSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { MongoClient } from 'mongodb';
import { bearerToken, type Authenticate } from '../auth.js';
import { CircuitBreaker, type BreakerState } from '../circuit-breaker.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { hashOfOperation, schemaCoordinates, UsageCounter } from '../usage.js';
import { AuditLog } from '../audit/audit-log.js';
import { auditPlugin } from '../audit/audit-plugin.js';
import { PartnerSecrets, supergraphFromRegistry } from './follow-registry.js';
import { registryRoutes } from './registry-routes.js';
import { RegistryService } from './registry-service.js';
import { SchemaRegistry } from './schema-registry.js';
import { trustedDocuments, type Prepare } from '../trusted-documents.js';
import { OperationCache, OperationStore } from './persisted-operations.js';
import { reportingRoutes } from './reporting-routes.js';
import { isServiceToken, ServiceTokenGuard, ServiceTokenStore } from './service-tokens.js';

/** The hub's own subgraphs, by name: signed with secrets derived from HUB_SIGNING_SECRET, and able to take batches. */
export const BUILT_IN = new Set(HUB_SUBGRAPHS.map((subgraph) => subgraph.name));
const USAGE_FLUSH_MS = 5_000;

export interface PartnerPlane {
  /** Set when the gateway follows the registry rather than a file. */
  readonly supergraph?: SupergraphSdlHook;
  /** The secret(s) a subgraph's requests are signed with now (undefined: none known yet). */
  secretFor(name: string): () => string | readonly string[] | undefined;
  breakerFor(name: string): CircuitBreaker;
  breakerStates(): Record<string, BreakerState>;
  /** The subgraphs of the supergraph version being served, when following the registry (else undefined: the built-ins). */
  servedSubgraphs(): ReadonlyArray<{ name: string; url: string; builtIn: boolean }> | undefined;
  readonly routes: Record<string, RouteHandler>;
  readonly plugins: ApolloServerPlugin<GatewayContext>[];
  /** The authenticator given, which also accepts the registry's service tokens (and refuses revoked ones). */
  readonly authenticate: Authenticate;
  /** Puts published operations in place of their ids; set when there is a registry. */
  readonly prepare?: (identify: (request: RawRequest) => Promise<Identity | undefined>) => Prepare;
  /** The registry's records, when a registry database is configured (saved reports live there too). */
  readonly registry?: SchemaRegistry;
  stop(): Promise<void>;
}

/** The hub's own subgraphs as checked in, as the registry stores them. */
async function builtInEntries() {
  return Promise.all(HUB_SUBGRAPHS.map(async (subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl: await readFile(subgraphSchemaFile(subgraph), 'utf8'), builtIn: true })));
}

export async function createPartnerPlane(options: {
  config: GatewayConfig;
  log: Logger;
  authenticate: Authenticate;
  fallbackSupergraph: string;
  followFile: boolean;
  /** Where the hub's own subgraphs answer, when not at their default URLs (HUB_SUBGRAPH_URLS). */
  urlOverrides: ReadonlyMap<string, string>;
}): Promise<PartnerPlane> {
  const { config, log } = options;
  const { urlOverrides } = options;
  const partnerSecrets = new PartnerSecrets();
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (name: string) => {
    let breaker = breakers.get(name);
    if (!breaker) {
      breaker = new CircuitBreaker({
        failureThreshold: config.HUB_BREAKER_FAILURES,
        openMs: config.HUB_BREAKER_OPEN_SECONDS * 1000,
        onChange: (state, previous) => (state === 'open' ? log.warn : log.info)(`circuit breaker for the ${name} subgraph: ${previous} → ${state}`, { subgraph: name }),
      });
      breakers.set(name, breaker);
    }
    return breaker;
  };
  const secretFor = (name: string) => (BUILT_IN.has(name) ? () => subgraphSecret(config.HUB_SIGNING_SECRET!, name) : () => partnerSecrets.of(name));
  let served: ReadonlyArray<{ name: string; url: string; builtIn: boolean }> | undefined;
  const base = {
    secretFor,
    breakerFor,
    servedSubgraphs: () => served,
    breakerStates: () => Object.fromEntries([...breakers].map(([name, breaker]) => [name, breaker.state])),
  };

  const tokenRules = { issuer: config.HUB_JWT_ISSUER, audience: config.HUB_JWT_AUDIENCE, maxLifetimeSeconds: config.HUB_MAX_TOKEN_DAYS * 86_400 };
  /** Service tokens are told apart by their key id and checked against the registry; others go to the authenticator given. */
  const withServiceTokens =
    (guard: ServiceTokenGuard): Authenticate =>
    async (authorization) => {
      if (authorization && /^Bearer\s/i.test(authorization.trim())) {
        const token = bearerToken(authorization);
        if (isServiceToken(token)) return guard.authenticate(token);
      }
      return options.authenticate(authorization);
    };

  if (!config.HUB_REGISTRY_MONGODB_URI) {
    log.warn('no registry database configured (HUB_REGISTRY_MONGODB_URI): partners cannot join, usage is not recorded, there are no service tokens or persisted operations, and NO AUDIT LOG is kept');
    return { ...base, routes: {}, plugins: [], authenticate: withServiceTokens(new ServiceTokenGuard(undefined, tokenRules)), stop: async () => undefined };
  }

  // Short timeouts: a registry outage must never hold up a request or the start.
  guardMongoDriverWrites(); // a registry or audit write must not hang when the store dies
  const client = new MongoClient(config.HUB_REGISTRY_MONGODB_URI, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
  const registry = new SchemaRegistry(client.db(config.HUB_REGISTRY_DB));
  const service = new RegistryService(registry, { usageDays: config.HUB_USAGE_DAYS });
  const tokenStore = new ServiceTokenStore(registry.db);
  const tokenGuard = new ServiceTokenGuard(tokenStore, tokenRules);
  const authenticate = withServiceTokens(tokenGuard);
  const operationStore = new OperationStore(registry.db);
  const operationCache = new OperationCache(operationStore, config.HUB_REGISTRY_POLL_MS);
  try {
    await registry.ensureIndexes();
    await tokenStore.ensureIndexes();
    await tokenGuard.refresh();
    const published = await service.ensureBuiltIns(await builtInEntries(), 'hub start');
    if (published) log.info(`published the hub's own subgraphs to the registry as version ${published._id}`, { action: published.action });
  } catch (error) {
    log.warn('the registry is unreachable or refused the hub\'s own subgraphs; serving without it until it answers', { error: (error as Error).message });
  }

  const audit = new AuditLog({ db: client.db(config.HUB_REGISTRY_DB), log: log.child('audit') });
  await audit.start();

  const counter = new UsageCounter();
  const flush = async () => {
    const entries = counter.drain();
    if (entries.length === 0) return;
    try {
      await registry.recordUsage(entries);
    } catch (error) {
      counter.restore(entries);
      log.warn('usage could not be written to the registry; kept for the next try', { error: (error as Error).message });
    }
  };
  const flushTimer = setInterval(() => void flush(), USAGE_FLUSH_MS);
  flushTimer.unref();

  // The same document object comes back from Apollo's document cache, so its analysis is reused.
  const analysed = new WeakMap<object, Map<string, string[]>>();
  const usagePlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, schema, request, contextValue }) {
          // Recording what clients use must never cost a client its answer.
          try {
            recordUsage(document, operationName ?? undefined, schema, request.http?.headers.get('apollographql-client-name') ?? contextValue.identity?.subject ?? 'anonymous');
          } catch (error) {
            if (!usageFailed) log.warn('could not record the usage of an operation (further failures are not logged)', { error: (error as Error).message });
            usageFailed = true;
          }
        },
      };
    },
  };
  let usageFailed = false;
  function recordUsage(document: DocumentNode, operationName: string | undefined, schema: GraphQLSchema, client: string): void {
    let byName = analysed.get(document);
    if (!byName) analysed.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let coordinates = byName.get(key);
    if (!coordinates) byName.set(key, (coordinates = schemaCoordinates(schema, document, operationName)));
    counter.record({ operationHash: hashOfOperation(document, operationName), operationName: operationName ?? null, client, coordinates });
  }

  // A gateway serving a file does not follow the registry's versions, yet must still learn of revoked tokens.
  let tokenPollFailed = false;
  const tokenTimer = options.followFile
    ? setInterval(() => {
        tokenGuard.refresh().then(
          () => (tokenPollFailed = false),
          (error: Error) => {
            if (!tokenPollFailed) log.warn('could not refresh the service tokens from the registry; using the last list', { error: error.message });
            tokenPollFailed = true;
          },
        );
      }, config.HUB_REGISTRY_POLL_MS)
    : undefined;
  tokenTimer?.unref();

  return {
    ...base,
    authenticate,
    supergraph: options.followFile
      ? undefined
      : supergraphFromRegistry({
          registry,
          partnerSecrets,
          fallback: options.fallbackSupergraph,
          log,
          pollMs: config.HUB_REGISTRY_POLL_MS,
          refreshAlso: () => tokenGuard.refresh(),
          onServed: (subgraphs) => (served = subgraphs.map(({ name, url, builtIn }) => ({ name, url, builtIn }))),
        }),
    routes: registryRoutes({
      service,
      audit,
      writeLogs: () => HUB_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: urlOverrides.get(subgraph.name) ?? defaultSubgraphUrl(subgraph), secret: subgraphSecret(config.HUB_SIGNING_SECRET!, subgraph.name) })),
      authenticate,
      log,
      rotationGraceMs: config.HUB_SECRET_GRACE_HOURS * 3_600_000,
      timeoutMs: config.HUB_SUBGRAPH_TIMEOUT_MS,
      more: reportingRoutes({
        tokens: tokenStore,
        operations: operationStore,
        maxTokenDays: config.HUB_MAX_TOKEN_DAYS,
        issuer: config.HUB_JWT_ISSUER,
        audience: config.HUB_JWT_AUDIENCE,
        revoked: (record) => tokenGuard.remember(record),
        changed: (ids) => operationCache.forget(ids),
        apiSchema: async () => buildSchema(apiSchemaSdl((await service.current()).version?.supergraph ?? options.fallbackSupergraph)),
      }),
    }),
    plugins: [usagePlugin, auditPlugin(audit)],
    prepare: (identify) => trustedDocuments({ lookup: (id) => operationCache.get(id), identify }),
    registry,
    async stop() {
      clearInterval(tokenTimer);
      clearInterval(flushTimer);
      await flush();
      await audit.stop();
      await client.close();
    },
  };
}

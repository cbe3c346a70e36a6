/**
 * Everything the gateway does for subgraphs and the partners behind them, gathered in one place
 * so the server only wires it in: which secret signs each subgraph's requests, a circuit
 * breaker per subgraph, the registry (supergraph versions to follow, the /registry API), and
 * usage recording (written in batches off the request path).
 */
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { subgraphSecret, type Logger, type RouteHandler } from '@hub/core';
import { defaultSubgraphUrl, HUB_SUBGRAPHS, subgraphSchemaFile } from '@hub/schema';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { MongoClient } from 'mongodb';
import type { Authenticate } from '../auth.js';
import { CircuitBreaker, type BreakerState } from '../circuit-breaker.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { normalizeOperation, operationHash, schemaCoordinates, UsageCounter } from '../usage.js';
import { PartnerSecrets, supergraphFromRegistry } from './follow-registry.js';
import { registryRoutes } from './registry-routes.js';
import { RegistryService } from './registry-service.js';
import { SchemaRegistry } from './schema-registry.js';

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
  readonly routes: Record<string, RouteHandler>;
  readonly plugins: ApolloServerPlugin<GatewayContext>[];
  stop(): Promise<void>;
}

/** The hub's own subgraphs as checked in, as the registry stores them. */
async function builtInEntries() {
  return Promise.all(HUB_SUBGRAPHS.map(async (subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl: await readFile(subgraphSchemaFile(subgraph), 'utf8'), builtIn: true })));
}

export async function createPartnerPlane(options: { config: GatewayConfig; log: Logger; authenticate: Authenticate; fallbackSupergraph: string; followFile: boolean }): Promise<PartnerPlane> {
  const { config, log } = options;
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
  const base = {
    secretFor,
    breakerFor,
    breakerStates: () => Object.fromEntries([...breakers].map(([name, breaker]) => [name, breaker.state])),
  };

  if (!config.HUB_REGISTRY_MONGODB_URI) {
    log.info('no registry database configured (HUB_REGISTRY_MONGODB_URI); partners cannot join and usage is not recorded');
    return { ...base, routes: {}, plugins: [], stop: async () => undefined };
  }

  // Short timeouts: a registry outage must never hold up a request or the start.
  const client = new MongoClient(config.HUB_REGISTRY_MONGODB_URI, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
  const registry = new SchemaRegistry(client.db(config.HUB_REGISTRY_DB));
  const service = new RegistryService(registry, { usageDays: config.HUB_USAGE_DAYS });
  try {
    await registry.ensureIndexes();
    const published = await service.ensureBuiltIns(await builtInEntries(), 'hub start');
    if (published) log.info(`published the hub's own subgraphs to the registry as version ${published._id}`, { action: published.action });
  } catch (error) {
    log.warn('the registry is unreachable or refused the hub\'s own subgraphs; serving without it until it answers', { error: (error as Error).message });
  }

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
  const analysed = new WeakMap<object, Map<string, { hash: string; coordinates: string[] }>>();
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
    let analysis = byName.get(key);
    if (!analysis) {
      analysis = { hash: operationHash(normalizeOperation(document, operationName)), coordinates: schemaCoordinates(schema, document, operationName) };
      byName.set(key, analysis);
    }
    counter.record({ operationHash: analysis.hash, operationName: operationName ?? null, client, coordinates: analysis.coordinates });
  }

  return {
    ...base,
    supergraph: options.followFile
      ? undefined
      : supergraphFromRegistry({ registry, partnerSecrets, fallback: options.fallbackSupergraph, log, pollMs: config.HUB_REGISTRY_POLL_MS }),
    routes: registryRoutes({ service, authenticate: options.authenticate, log, rotationGraceMs: config.HUB_SECRET_GRACE_HOURS * 3_600_000, timeoutMs: config.HUB_SUBGRAPH_TIMEOUT_MS }),
    plugins: [usagePlugin],
    async stop() {
      clearInterval(flushTimer);
      await flush();
      await client.close();
    },
  };
}

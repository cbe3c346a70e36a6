/**
 * The gateway: Apollo Gateway on Apollo Server 5, behind the hub's HTTP handler. Authenticates
 * callers, enforces limits and scopes before planning, signs every subgraph request, and turns
 * subgraph failures into partial data with errors naming the subgraph.
 */
import { ApolloGateway } from '@apollo/gateway';
import { defaultSubgraphUrl, HUB_SUBGRAPHS } from '@hub/schema';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphqlHttpHandler, hasScope, jsonReply, parseSubgraphUrls, requestLogPlugin, requestMetricsPlugin, tracingPlugin, metricsRoute, type Identity, type Logger, type RawRequest, type Reply } from '@hub/core';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createAuthenticator } from './auth.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { developmentJwtSecret } from './dev-secret.js';
import { clientErrorsPlugin, inHubWords, PREFLIGHT_HEADERS, withoutSuggestions } from './client-errors.js';
import { demandControlPlugin } from './demand-control.js';
import { maxAliasesRule, maxDepthRule, mergeCheckGuard } from './limits.js';
import { loadIde } from './ide.js';
import { BUILT_IN, createPartnerPlane } from './registry/partner-plane.js';
import { firstRefusal, RateLimiter, rateLimitGuard } from './rate-limit.js';
import { readinessHandler } from './readiness.js';
import { reportRoutes } from './reports/report-routes.js';
import { gatewayMetrics } from './metrics.js';
import { scrubAddresses, SignedDataSource } from './signed-data-source.js';
import { defaultSupergraphFile, readSupergraph, supergraphFromFile } from './supergraph.js';
import { WarmCaches } from './warm-caches.js';

export interface Gateway {
  readonly handler: ReturnType<typeof graphqlHttpHandler>;
  readonly supergraphFile: string;
  stop(): Promise<void>;
}

/** Mutations need hub:write, everything else hub:read; checked once the operation is known. */
const scopePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const needed = operation?.operation === 'mutation' ? 'hub:write' : 'hub:read';
        if (!hasScope(contextValue.identity, needed)) {
          const why = contextValue.identity.subject == null ? 'and the request carries no token: send one that grants it (Authorization: Bearer …)' : "which the caller's token does not grant";
          throw new GraphQLError(`This operation needs the ${needed} scope, ${why}.`, {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  },
};

/**
 * In every mode, no answer carries a subgraph's address or raw response (Apollo's gateway puts
 * them in `extensions.response`); the log keeps them.
 */
function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { response: _response, exception: _exception, ...extensions } = formatted.extensions;
  // A subgraph's own message may name where it runs or what it called; the log keeps it as it was.
  const message = extensions.serviceName ? scrubAddresses(formatted.message) : formatted.message;
  return { ...formatted, message, extensions };
}

/** In production, internal failures say which subgraph failed but not how (no addresses, no stacks). */
function productionErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== 'SUBGRAPH_UNAVAILABLE' && code !== undefined) return { ...formatted, message: withoutSuggestions(formatted.message) };
  const serviceName = formatted.extensions?.serviceName;
  return {
    message: serviceName ? `The ${String(serviceName)} subgraph could not answer this part of the query.` : 'The hub could not answer this part of the query.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: code ?? 'INTERNAL_SERVER_ERROR', ...(serviceName ? { serviceName } : {}) },
  };
}

/**
 * Counts hits and misses of Apollo Gateway's query-plan cache. The gateway offers no hook for
 * it, so its (private, created once) plan store's `get` is wrapped; if a future version renames
 * the store, the counts stay at zero rather than anything breaking.
 */
function countQueryPlanLookups(gateway: ApolloGateway, metrics: ReturnType<typeof gatewayMetrics>): void {
  const store = (gateway as unknown as { queryPlanStore?: { get(key: string): Promise<unknown> } }).queryPlanStore;
  if (typeof store?.get !== 'function') return;
  const get = store.get.bind(store);
  store.get = async (key) => {
    const plan = await get(key);
    metrics.cacheLookups.inc({ cache: 'query_plan', result: plan ? 'hit' : 'miss' });
    return plan;
  };
}

export async function createGateway(config: GatewayConfig, log: Logger): Promise<Gateway> {
  const production = config.HUB_ENV === 'production';
  // Apollo's chatter (info included) is detail for debugging; its warnings and errors are ours.
  const apolloLogger = { debug: (m: unknown) => log.debug(String(m)), info: (m: unknown) => log.debug(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)) };
  if (production && !config.HUB_JWT_SECRET && !config.HUB_JWT_PUBLIC_KEY_FILE) {
    throw new Error('in production, set HUB_JWT_PUBLIC_KEY_FILE (or HUB_JWT_SECRET) to verify callers\' tokens');
  }
  const authenticateCaller = await createAuthenticator({
    secret: config.HUB_JWT_SECRET ?? (config.HUB_JWT_PUBLIC_KEY_FILE ? undefined : await developmentJwtSecret(config.HUB_DATA_DIR)),
    publicKeyFile: config.HUB_JWT_PUBLIC_KEY_FILE,
    issuer: config.HUB_JWT_ISSUER,
    audience: config.HUB_JWT_AUDIENCE,
    allowAnonymous: config.HUB_ALLOW_ANONYMOUS,
    maxLifetimeSeconds: config.HUB_MAX_TOKEN_DAYS * 86_400,
  });
  if (config.HUB_ALLOW_ANONYMOUS) log.warn('anonymous callers may read (HUB_ALLOW_ANONYMOUS=true); set it to false to require a token');

  const supergraphFile = config.HUB_SUPERGRAPH_FILE ?? defaultSupergraphFile();
  // Read here, not inside the gateway, so a missing or broken file fails with the file's name.
  const supergraphSdl = await readSupergraph(supergraphFile);
  const urlOverrides = parseSubgraphUrls(config.HUB_SUBGRAPH_URLS);
  // A supergraph file named explicitly is followed as it is; otherwise the registry's versions are.
  const partners = await createPartnerPlane({ config, log, authenticate: authenticateCaller, fallbackSupergraph: supergraphSdl, followFile: config.HUB_SUPERGRAPH_FILE !== undefined, urlOverrides });

  const authenticate = partners.authenticate;
  // Persisted operations and the context share one authentication per request.
  const callers = new WeakMap<RawRequest, Promise<Identity>>();
  const callerOf = (request: RawRequest) => {
    let caller = callers.get(request);
    if (!caller) callers.set(request, (caller = authenticate(request.headers.authorization)));
    return caller;
  };

  const metrics = gatewayMetrics(partners.breakerStates);
  // Reports are checked against the API schema clients see, whichever supergraph is served now.
  let apiSchema: GraphQLSchema | undefined;
  const schemaPlugin: ApolloServerPlugin<GatewayContext> = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate: ({ apiSchema: loaded }) => {
          apiSchema = loaded;
        },
      };
    },
  };
  const caches = new WarmCaches((cache, hit) => metrics.cacheLookup(cache, hit));
  const gateway = new ApolloGateway({
    queryPlannerConfig: { cache: caches.plans },
    // Called as each supergraph is switched to, before a request is planned on it.
    experimental_didUpdateSupergraph: (current) => {
      if ('supergraphSdl' in current) metrics.supergraphServed(caches.supergraphServed(current.supergraphSdl));
    },
    supergraphSdl: partners.supergraph ?? supergraphFromFile(supergraphFile, supergraphSdl, log),
    buildService: ({ name, url }) =>
      metrics.instrument(name, new SignedDataSource({
        name,
        url: urlOverrides.get(name) ?? url!,
        signingSecret: partners.secretFor(name),
        timeoutMs: config.HUB_SUBGRAPH_TIMEOUT_MS,
        maxResponseBytes: config.HUB_SUBGRAPH_MAX_RESPONSE_BYTES,
        breaker: partners.breakerFor(name),
        // Only the hub's own subgraphs are known to accept batches.
        batch: config.HUB_SUBGRAPH_BATCHING && BUILT_IN.has(name),
        // Only the hub's own subgraphs know an export page (partners get the page asked for, as asked).
        exportPages: BUILT_IN.has(name),
        deduplicate: config.HUB_SUBGRAPH_DEDUPLICATION,
        counters: metrics.transport(name),
      })),
    logger: apolloLogger,
  });

  countQueryPlanLookups(gateway, metrics);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.HUB_INTROSPECTION,
    // Stacks go to the log, never to callers: analysts need the sentence, not the frames.
    includeStacktraceInErrorResponses: false,
    csrfPrevention: { requestHeaders: PREFLIGHT_HEADERS },
    allowBatchedHttpRequests: false,
    documentStore: caches.documents,
    parseOptions: { maxTokens: config.HUB_MAX_TOKENS },
    validationRules: [maxDepthRule(config.HUB_MAX_DEPTH), maxAliasesRule(config.HUB_MAX_ALIASES)],
    plugins: [ApolloServerPluginLandingPageDisabled(), scopePlugin, clientErrorsPlugin(), demandControlPlugin(config.HUB_MAX_COST), tracingPlugin(), requestLogPlugin(log), requestMetricsPlugin(metrics), ...partners.plugins, schemaPlugin],
    formatError: (formatted) => (production ? productionErrors(withoutInternals(inHubWords(formatted))) : withoutInternals(inHubWords(formatted))),
    logger: apolloLogger,
  });
  try {
    await apollo.start();
  } catch (error) {
    throw new Error(`the supergraph in ${supergraphFile} cannot be served: ${(error as Error).message}`);
  }

  const ide = config.HUB_IDE ? await loadIde() : undefined;
  const handler = graphqlHttpHandler<GatewayContext>({
    apollo,
    browserPage: ide?.page,
    maxBodyBytes: config.HUB_MAX_BODY_BYTES,
    guard: firstRefusal(
      // The same verification the context uses (one per request), not a second one.
      rateLimitGuard(new RateLimiter(config.HUB_RATE_LIMIT_PER_MINUTE), async (request) => (await callerOf(request)).subject),
      mergeCheckGuard(config.HUB_MAX_TOKENS),
    ),
    prepare: partners.prepare?.((request) => callerOf(request).catch(() => undefined)),
    context: async (request) => ({ identity: await callerOf(request), touched: [], ...(request.exportPage ? { exportPage: true } : {}) }),
    routes: {
      ...partners.routes,
      // Exports run their pages through this handler's GraphQL path, as the caller.
      ...reportRoutes({ authenticate, schema: () => apiSchema, execute: (request: RawRequest): Promise<Reply> => handler.execute(request), registry: partners.registry, log }),
      '/': () => jsonReply(200, { service: 'hub gateway', graphql: '/graphql', health: ['/health/live', '/health/ready'] }),
      ...ide?.routes,
      '/health/live': () => jsonReply(200, { status: 'ok' }),
      '/metrics': metricsRoute(metrics),
      '/health/ready': readinessHandler({
        // What the gateway routes to: the served version's subgraphs (the built-ins until one is served), at the URLs it calls.
        served: () =>
          (partners.servedSubgraphs() ?? HUB_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), builtIn: true }))).map((subgraph) => ({
            ...subgraph,
            url: urlOverrides.get(subgraph.name) ?? subgraph.url,
          })),
        breakerStates: partners.breakerStates,
      }),
    },
    onError: (error) => log.error('request failed', { error }),
  });

  return {
    handler,
    supergraphFile,
    stop: async () => {
      await apollo.stop();
      await partners.stop();
    },
  };
}

/**
 * A subgraph's HTTP server: GraphQL for signed requests from the gateway, health endpoints for
 * orchestrators, and /metrics. Built without listening, so tests can start it on port 0.
 */
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  decodeIdentity,
  errorReply,
  hasScope,
  graphqlHttpHandler,
  jsonReply,
  metricsRoute,
  requestLogPlugin,
  requestMetricsPlugin,
  tracingPlugin,
  MAX_CLOCK_SKEW_MS,
  NonceCache,
  SIGNATURE_HEADERS,
  subgraphSecret,
  verifyRequest,
  type Logger,
  type RawRequest,
  type RunningHttpServer,
} from '@hub/core';
import type { SubgraphConfig } from './config.js';
import { LoaderCache, type SubgraphContext } from './context.js';
import { subgraphMetrics } from './metrics.js';
import { exportPagePlugin } from './paging.js';
import type { Database } from './orm.js';
import { Peers } from './peers.js';
import type { FederatedSchema } from './schema.js';
import { ensureWriteLog, readWriteLog, writesPlugin } from './write-log.js';

export interface SubgraphServer {
  readonly handler: ReturnType<typeof graphqlHttpHandler>;
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  name: string;
  schema: FederatedSchema;
  database: Database;
  config: Pick<SubgraphConfig, 'env' | 'signingSecret' | 'signatureMaxAgeMs' | 'peerUrls'>;
  log: Logger;
}

export async function createSubgraphServer(options: SubgraphServerOptions): Promise<SubgraphServer> {
  const { name, database, config, log } = options;
  const production = config.env === 'production';
  const requests = { served: 0, refused: 0 };
  const metrics = subgraphMetrics(name, database, () => requests);
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema.schema,
    // Only the gateway talks to a subgraph; people use the gateway's IDE.
    // No landing page (people use the gateway's) and no Apollo Studio traces (nothing leaves the hub).
    // No cache-control hints either: the schema declares none, so every answer said `no-store`,
    // which the gateway's fetcher never passed on (and Apollo's gateway reads a missing header as
    // max-age 0 all the same). Apollo's cache-control plugin is the only one with a per-field
    // hook, and any such hook makes Apollo wrap every field's resolver: on a page of 304 events
    // with 9,000 participants, a large share of the execution.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), tracingPlugin(), requestLogPlugin(log, { isOutage: (error) => database.isOutage(unwrapResolverError(error)) }), requestMetricsPlugin(metrics), writesPlugin(), exportPagePlugin()],
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    // The gateway sends the fetches of one plan step as one JSON array; Apollo Server runs them
    // with one shared context, so one set of loaders serves them all. Only signed requests get
    // this far (the guard below), so nobody else can send a batch.
    allowBatchedHttpRequests: true,
    // A database that cannot be reached is named as such (the gateway passes it on with this
    // subgraph's name), and logged once when it goes down, not with a stack per request.
    formatError: (formatted, error) => {
      if (!database.isOutage(unwrapResolverError(error))) return formatted;
      database.reportOutage(unwrapResolverError(error));
      return {
        message: `The ${name} subgraph's database (${database.dbName}) is unavailable; try again shortly.`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'DATABASE_UNAVAILABLE', database: database.dbName },
      };
    },
  });
  await apollo.start();
  await ensureWriteLog(database.orm);

  // This subgraph's own secret: a request signed for another subgraph does not verify here.
  const ownSecret = subgraphSecret(config.signingSecret, name);
  // Every nonce seen within the window (plus the allowed clock skew): a captured request is refused the second time.
  const nonces = new NonceCache(config.signatureMaxAgeMs + MAX_CLOCK_SKEW_MS);
  const peers = new Peers(config.peerUrls, (owner) => subgraphSecret(config.signingSecret, owner));
  const guard = (request: RawRequest) => {
    if (request.method !== 'POST') {
      requests.refused += 1;
      return errorReply(405, 'METHOD_NOT_ALLOWED', `The ${name} subgraph accepts only POST requests from the gateway.`);
    }
    const verdict = verifyRequest(ownSecret, request.headers, request.body, { maxAgeMs: config.signatureMaxAgeMs, nonces });
    if (verdict.ok) {
      requests.served += 1;
      return undefined;
    }
    requests.refused += 1;
    log.warn('refused a request', { reason: verdict.reason, from: request.headers['x-forwarded-for'] });
    return errorReply(401, 'UNAUTHENTICATED', `Refused: ${verdict.reason}. The ${name} subgraph answers only requests signed by the hub gateway.`);
  };

  const handler = graphqlHttpHandler<SubgraphContext>({
    apollo,
    guard,
    context: async (request) => ({
      em: database.orm.em.fork(),
      // The guard has checked the signature over this header, so it is the gateway's word.
      identity: decodeIdentity(String(request.headers[SIGNATURE_HEADERS.identity]))!,
      loaders: new LoaderCache(),
      log,
      peers,
      writes: [],
    }),
    routes: {
      '/health/live': () => jsonReply(200, { status: 'ok', subgraph: name }),
      // Answers within a second: orchestrators and the gateway ask often and must not hang.
      '/health/ready': async () => {
        try {
          await database.ping(800);
          return jsonReply(200, { status: 'ready', subgraph: name, database: database.dbName });
        } catch (error) {
          return jsonReply(503, { status: 'unavailable', subgraph: name, reason: `database ${database.dbName}: ${(error as Error).message}` });
        }
      },
      '/metrics': metricsRoute(metrics),
      // The write log, for the gateway's cross-check with its audit log: signed, hub:admin only.
      '/audit/writes': async (request) => {
        const verdict = verifyRequest(ownSecret, request.headers, request.body, { maxAgeMs: config.signatureMaxAgeMs, nonces });
        if (!verdict.ok) return errorReply(401, 'UNAUTHENTICATED', `Refused: ${verdict.reason}.`);
        if (!hasScope(verdict.identity, 'hub:admin')) return errorReply(403, 'FORBIDDEN', 'The write log needs the hub:admin scope.');
        const since = new Date(request.url.searchParams.get('since') ?? 0);
        if (Number.isNaN(since.getTime())) return errorReply(400, 'BAD_REQUEST', '"since" must be an ISO 8601 date-time.');
        return jsonReply(200, { subgraph: name, writes: await readWriteLog(database.orm, since, 10_000) });
      },
    },
    onError: (error) => log.error('request failed', { error }),
  });

  return { handler, stop: () => apollo.stop() };
}

export interface StartedSubgraph {
  readonly http: RunningHttpServer;
  readonly database: Database;
  stop(): Promise<void>;
}

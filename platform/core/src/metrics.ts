/**
 * Prometheus metrics with prom-client: each process has one registry holding Node's standard
 * metrics (process_*, nodejs_*) and the hub's own, all labelled with the service that speaks.
 * Served at /metrics by every process (see README "Metrics" for the names).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Reply } from './graphql-http.js';
import { outcomeOf } from './request-log.js';

/** Operation names come from callers: past this many distinct names the rest count as "other". */
const MAX_OPERATION_NAMES = 200;

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation' | 'outcome'>;
  /** Lookups in the process's caches (parsed documents, query plans, loader results): hit or miss. */
  readonly cacheLookups: Counter<'cache' | 'result'>;
  /** A label value for an operation name, bounded so callers cannot grow the registry without end. */
  operationLabel(name: string | null | undefined): string;
}

export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const seen = new Set<string>();
  return {
    registry,
    requests: new Counter({ name: 'hub_graphql_requests_total', help: 'GraphQL operations served, by operation name and outcome (ok, client_error, error).', labelNames: ['operation', 'outcome'], registers: [registry] }),
    requestSeconds: new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'hub_cache_lookups_total',
      help: 'Lookups in a cache, by cache (document: parsed operations; query_plan: the gateway\'s plans; loader: a request\'s already-loaded records) and result (hit, miss).',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return '(anonymous)';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_NAMES) return 'other';
      seen.add(name);
      return name;
    },
  };
}

/** A gauge whose values are read when Prometheus scrapes (breaker states, store up/down). */
export function scrapedGauge<L extends string>(metrics: Metrics, name: string, help: string, labelNames: readonly L[], read: () => Iterable<[Partial<Record<L, string>>, number]>): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.set(labels as never, value);
    },
  });
}

/** Counts and times every operation; the outcome is decided as for the request log. */
export function requestMetricsPlugin<Context extends BaseContext>(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const stop = metrics.requestSeconds.startTimer();
      // Apollo Server parses only what its document cache does not hold.
      let parsed = false;
      return {
        async parsingDidStart() {
          parsed = true;
        },
        async didResolveOperation() {
          metrics.cacheLookups.inc({ cache: 'document', result: parsed ? 'miss' : 'hit' });
        },
        async willSendResponse(request) {
          const labels = { operation: metrics.operationLabel(request.operationName ?? request.request.operationName), outcome: outcomeOf(request.errors) };
          metrics.requests.inc(labels);
          stop(labels);
        },
      };
    },
  };
}

/** The /metrics route: Prometheus' text format. */
export function metricsRoute(metrics: Metrics): () => Promise<Reply> {
  return async () => ({ status: 200, headers: { 'content-type': metrics.registry.contentType }, body: await metrics.registry.metrics() });
}

/** The metric kinds, so processes need no direct prom-client dependency of their own. */
export { Counter, Gauge, Histogram } from 'prom-client';

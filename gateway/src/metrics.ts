/**
 * The gateway's Prometheus metrics: the standard ones from @hub/core plus every subgraph fetch
 * timed and counted by subgraph and outcome, and each subgraph's circuit-breaker state.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { Counter, Histogram, createMetrics, scrapedGauge, type Metrics } from '@hub/core';
import type { BreakerState } from './circuit-breaker.js';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

export interface GatewayMetrics extends Metrics {
  /** Wraps a subgraph's data source so each fetch it makes is timed and counted. */
  instrument<D extends GraphQLDataSource>(subgraph: string, source: D): D;
  /** Counts, for one subgraph, the fetches merged into one already in flight and the HTTP requests sent. */
  transport(subgraph: string): { merged(): void; sent(batched: boolean): void };
  /** Counts a lookup in the document or plan cache. */
  cacheLookup(cache: 'document' | 'plan', hit: boolean): void;
  /** Counts a supergraph served (the first at start included), and whether the plans of the previous one were kept. */
  supergraphServed(plansKept: boolean): void;
}

export function gatewayMetrics(breakerStates: () => Record<string, BreakerState>): GatewayMetrics {
  const metrics = createMetrics('gateway');
  const fetches = new Counter({ name: 'hub_subgraph_fetches_total', help: 'Fetches the gateway sent to a subgraph, by subgraph and outcome (ok, error).', labelNames: ['subgraph', 'outcome'], registers: [metrics.registry] });
  const seconds = new Histogram({
    name: 'hub_subgraph_fetch_duration_seconds',
    help: 'Time a subgraph took to answer one fetch of the gateway, by subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  const merged = new Counter({ name: 'hub_subgraph_fetches_merged_total', help: 'Query fetches answered by an identical fetch already in flight (same subgraph, body and caller), so never sent; divided by hub_subgraph_fetches_total, the hit rate.', labelNames: ['subgraph'], registers: [metrics.registry] });
  const requests = new Counter({ name: 'hub_subgraph_http_requests_total', help: 'HTTP requests the gateway sent to a subgraph; batched="true" for one carrying several fetches of a plan step.', labelNames: ['subgraph', 'batched'], registers: [metrics.registry] });
  const lookups = new Counter({ name: 'hub_gateway_cache_lookups_total', help: 'Lookups in the gateway\'s caches of parsed and validated queries (cache="document") and of query plans (cache="plan"), by result (hit, miss).', labelNames: ['cache', 'result'], registers: [metrics.registry] });
  const supergraphs = new Counter({ name: 'hub_gateway_supergraphs_served_total', help: 'Supergraphs the gateway switched to, the first at start included; plans="kept" when only subgraph addresses changed, so cached plans stayed valid.', labelNames: ['plans'], registers: [metrics.registry] });
  scrapedGauge(metrics, 'hub_subgraph_circuit_state', "Each subgraph's circuit breaker: 1 for the state it is in (closed, open, half-open), 0 for the others.", ['subgraph', 'state'], function* () {
    for (const [subgraph, current] of Object.entries(breakerStates())) {
      for (const state of BREAKER_STATES) yield [{ subgraph, state }, state === current ? 1 : 0];
    }
  });
  return {
    ...metrics,
    cacheLookup: (cache, hit) => lookups.inc({ cache, result: hit ? 'hit' : 'miss' }),
    supergraphServed: (plansKept) => supergraphs.inc({ plans: plansKept ? 'kept' : 'rebuilt' }),
    transport: (subgraph) => ({
      merged: () => merged.inc({ subgraph }),
      sent: (batched) => requests.inc({ subgraph, batched: String(batched) }),
    }),
    instrument(subgraph, source) {
      const process = source.process.bind(source);
      source.process = async (options) => {
        const stop = seconds.startTimer({ subgraph });
        let outcome = 'error';
        try {
          const response = await process(options);
          if (!response.errors?.length) outcome = 'ok';
          return response;
        } finally {
          fetches.inc({ subgraph, outcome });
          stop({ outcome });
        }
      };
      return source;
    },
  };
}

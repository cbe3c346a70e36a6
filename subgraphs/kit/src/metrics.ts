/**
 * A subgraph's Prometheus metrics: the standard ones from @hub/core plus what only a subgraph
 * knows: requests it served or refused (bad signatures), and every database command it sent,
 * counted and timed from the driver's command monitoring events (enabled in orm.ts).
 */
import { Counter, Histogram, createMetrics, scrapedGauge, type Metrics } from '@hub/core';
import { countLoaderLookups } from './loaders.js';
import type { Database } from './orm.js';

interface CommandEvent {
  commandName: string;
  duration: number;
}

export function subgraphMetrics(name: string, database: Database, requests: () => Record<string, number>): Metrics {
  const metrics = createMetrics(name);
  // Kept under the names the tests and dashboards already read; values are read at scrape time.
  new Counter({
    name: 'hub_subgraph_requests_total',
    help: 'GraphQL requests this subgraph served or refused (unsigned, expired, tampered).',
    labelNames: ['subgraph', 'outcome'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [outcome, count] of Object.entries(requests())) this.inc({ subgraph: name, outcome }, count);
    },
  });
  new Counter({
    name: 'hub_db_commands_total',
    help: 'Database commands sent by this subgraph, by command name.',
    labelNames: ['subgraph', 'command'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [command, count] of database.commands) this.inc({ subgraph: name, command }, count);
    },
  });
  countLoaderLookups((result) => metrics.cacheLookups.inc({ cache: 'loader', result }));
  const seconds = new Histogram({
    name: 'hub_db_command_duration_seconds',
    help: 'Time from sending a database command to its answer, by command name and outcome (ok, error).',
    labelNames: ['subgraph', 'command', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  const client = database.orm.em.getConnection().getClient();
  client.on('commandSucceeded', (event: CommandEvent) => seconds.observe({ subgraph: name, command: event.commandName, outcome: 'ok' }, event.duration / 1000));
  client.on('commandFailed', (event: CommandEvent) => seconds.observe({ subgraph: name, command: event.commandName, outcome: 'error' }, event.duration / 1000));
  scrapedGauge(metrics, 'hub_db_up', 'Whether the last database command this subgraph sent succeeded (1) or met an outage (0).', ['subgraph'], () => [[{ subgraph: name }, up ? 1 : 0]]);
  let up = true;
  client.on('commandSucceeded', () => (up = true));
  client.on('commandFailed', (event: CommandEvent & { failure?: unknown }) => (up = !database.isOutage(event.failure)));
  client.on('serverHeartbeatFailed', () => (up = false));
  return metrics;
}

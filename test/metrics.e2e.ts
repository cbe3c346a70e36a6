/**
 * Metrics: after a cross-subgraph query, the gateway and every subgraph serve Prometheus
 * metrics with the names and labels the README lists and the dashboard reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphql, hub } from './harness/client.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

async function scrape(base: string): Promise<Sample[]> {
  const text = await (await fetch(`${base.replace(/\/graphql$/, '')}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels, value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      return { name: name!, labels: Object.fromEntries([...(labels ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])), value: Number(value) };
    });
}

/** The value of the one sample named `name` whose labels include `labels`. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

describe('metrics', () => {
  it('counts and times operations, subgraph fetches, database commands and breaker states', async () => {
    const answer = await graphql('query MetricsProbe { provinces { code } }');
    expect(answer.status).toBe(200);

    const gateway = await scrape(hub().gatewayUrl);
    const ok = { service: 'gateway', operation: 'MetricsProbe', outcome: 'ok' };
    expect(valueOf(gateway, 'hub_graphql_requests_total', ok)).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'hub_graphql_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'hub_subgraph_fetch_duration_seconds_count', { subgraph: 'organization', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'hub_subgraph_fetches_total', { subgraph: 'organization', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'hub_subgraph_circuit_state', { subgraph: 'organization', state: 'closed' })).toBe(1);
    expect(valueOf(gateway, 'hub_subgraph_circuit_state', { subgraph: 'organization', state: 'open' })).toBe(0);
    expect(valueOf(gateway, 'process_cpu_seconds_total', { service: 'gateway' })).toBeGreaterThan(0);
    expect(valueOf(gateway, 'nodejs_eventloop_lag_seconds', { service: 'gateway' })).toBeGreaterThanOrEqual(0);

    const organization = await scrape(hub().subgraphUrls.organization!);
    const own = { service: 'organization', subgraph: 'organization' };
    expect(valueOf(organization, 'hub_graphql_requests_total', { service: 'organization', operation: 'MetricsProbe__organization__0', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(organization, 'hub_db_command_duration_seconds_count', { ...own, command: 'find', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(organization, 'hub_db_commands_total', { ...own, command: 'find' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(organization, 'hub_subgraph_requests_total', { ...own, outcome: 'served' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(organization, 'hub_db_up', own)).toBe(1);
  });

  it('counts cache hits and misses: parsed documents, query plans, and loaded records within a request', async () => {
    const query = 'query CacheProbe { events(first: 20) { edges { node { title organizer { name } } } } }';
    const before = await scrape(hub().gatewayUrl);
    const lookups = (samples: Sample[], cache: string, result: string) => valueOf(samples, 'hub_cache_lookups_total', { cache, result }) ?? 0;
    expect((await graphql(query)).body.errors).toBeUndefined();
    expect((await graphql(query)).body.errors).toBeUndefined();
    const after = await scrape(hub().gatewayUrl);
    // The second time, the document comes parsed from the cache and its plan is known.
    expect(lookups(after, 'document', 'hit') - lookups(before, 'document', 'hit')).toBeGreaterThanOrEqual(1);
    expect(lookups(after, 'query_plan', 'hit') - lookups(before, 'query_plan', 'hit')).toBeGreaterThanOrEqual(1);
    expect(lookups(after, 'document', 'hit') + lookups(after, 'document', 'miss')).toBeGreaterThanOrEqual(2);
    const organization = await scrape(hub().subgraphUrls.organization!);
    expect(lookups(organization, 'loader', 'miss')).toBeGreaterThanOrEqual(1);
  });

  it('the Grafana dashboard reads only metrics the hub serves', async () => {
    await graphql('query DashboardProbe { provinces { code } }');
    const served = new Set([...(await scrape(hub().gatewayUrl)), ...(await scrape(hub().subgraphUrls.organization!))].map((sample) => sample.name));
    const dashboard = readFileSync(new URL('../docs/grafana-dashboard.json', import.meta.url), 'utf8');
    const used = new Set([...dashboard.matchAll(/\b((?:hub|process|nodejs)_[a-z0-9_]+)/g)].map((match) => match[1]!));
    expect(used.size).toBeGreaterThan(8);
    for (const name of used) expect(served.has(name), name).toBe(true);
  });
});

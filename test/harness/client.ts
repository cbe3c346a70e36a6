/** What the end-to-end tests use to talk to the hub under test, as a client would. */
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import type { Scope } from '@hub/core';
import { inject } from 'vitest';

export const hub = () => inject('hub');

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>; extensions?: Record<string, any> };
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  url?: string;
  headers?: Record<string, string>;
}

/** POSTs a GraphQL operation to the gateway (or `url`) and returns the status and parsed body. */
export async function graphql<T = Record<string, any>>(query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(options.url ?? hub().gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** A token signed with the hub's development secret, as `npm run token` makes it. */
export async function token(scopes: Scope[], expiresIn = '10m'): Promise<string> {
  return mintToken({ secret: await developmentJwtSecret(hub().dataDir), subject: 'e2e', scopes, expiresIn });
}

/** A subgraph's counters from its /metrics endpoint, keyed by `metric{labels}`. */
export async function metrics(subgraph: string): Promise<Map<string, number>> {
  const base = hub().subgraphUrls[subgraph]!.replace(/\/graphql$/, '');
  const text = await (await fetch(`${base}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\S+)\s+(\d+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

/** Database commands a subgraph has sent so far, all kinds together (excluding driver housekeeping). */
export async function databaseCommands(subgraph: string): Promise<number> {
  let total = 0;
  for (const [key, value] of await metrics(subgraph)) {
    if (key.startsWith('hub_db_commands_total') && !/command="(hello|isMaster|ping|endSessions)"/.test(key)) total += value;
  }
  return total;
}

export async function subgraphRequests(subgraph: string): Promise<number> {
  let total = 0;
  for (const [key, value] of await metrics(subgraph)) if (key.startsWith('hub_subgraph_requests_total')) total += value;
  return total;
}

/** The sum of a counter on the /metrics of the process serving `url`, over the samples whose labels include `labels`. */
export async function counterAt(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([label, value]) => line.includes(`${label}="${value}"`)))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

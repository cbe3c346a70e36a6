/**
 * Hive Gateway serving the hub's supergraph with the hub's request signing, as a process of its
 * own so its CPU is measured apart from everything else. Started by the benchmark with:
 *   BENCH_SUPERGRAPH   the supergraph file (its subgraph URLs are where the subgraphs answer)
 *   BENCH_PORT         where to listen (127.0.0.1)
 *   BENCH_SUBGRAPHS    name=url pairs, to know which subgraph's secret signs a request
 *   HUB_SIGNING_SECRET the hub's signing secret
 * Prints "ready" once it listens.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { encodeIdentity, parseSubgraphUrls, signRequest, subgraphSecret } from '@hub/core';

const secret = process.env.HUB_SIGNING_SECRET;
if (!secret) throw new Error('HUB_SIGNING_SECRET is not set');
const nameOf = new Map([...parseSubgraphUrls(process.env.BENCH_SUBGRAPHS)].map(([name, url]) => [url, name]));
// What the hub's gateway forwards for an anonymous reader in development.
const identity = encodeIdentity({ subject: null, scopes: ['hub:read'] });

/** Signs every subgraph request the hub's way: the subgraph's own secret, over the exact body. */
const hubSigning: GatewayPlugin = {
  onFetch({ url, options, setOptions }) {
    const name = nameOf.get(url);
    if (!name) return;
    const body = typeof options.body === 'string' ? options.body : String(options.body ?? '');
    const headers = options.headers instanceof Headers ? Object.fromEntries(options.headers) : { ...(options.headers as Record<string, string>) };
    setOptions({ ...options, body, headers: { ...headers, ...signRequest(subgraphSecret(secret, name), identity, body) } });
  },
};

const runtime = createGatewayRuntime({ supergraph: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8'), plugins: () => [hubSigning], logging: 'error' });
createServer(runtime).listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => console.log('ready'));

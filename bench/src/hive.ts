/**
 * Hive Gateway serving the hub's supergraph with the hub's request signing, as a process of its
 * own so its CPU is measured apart from everything else. Started by the benchmark as
 *   node hive.ts <supergraph file> <port> <name=url,…>
 * with the hub's HUB_SIGNING_SECRET in its environment; the supergraph's subgraph URLs are where
 * the subgraphs answer, and the name=url pairs say which subgraph's secret signs a request.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { encodeIdentity, parseSubgraphUrls, signRequest, subgraphSecret } from '@hub/core';

const [supergraphFile, port, subgraphs] = process.argv.slice(2);
const secret = process.env.HUB_SIGNING_SECRET;
if (!secret || !supergraphFile || !port) throw new Error('usage: HUB_SIGNING_SECRET=… node hive.ts <supergraph file> <port> <name=url,…>');
const nameOf = new Map([...parseSubgraphUrls(subgraphs)].map(([name, url]) => [url, name]));
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

const runtime = createGatewayRuntime({ supergraph: readFileSync(supergraphFile, 'utf8'), plugins: () => [hubSigning], logging: 'error' });
createServer(runtime).listen(Number(port), '127.0.0.1');

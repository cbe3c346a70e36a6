/**
 * When one subgraph is down, an analyst still gets everything the others own: the fields the
 * missing subgraph resolves are null, with an error naming it, and nothing else is blanked
 * (before, `data` was null for every query that touched the missing subgraph at all).
 * A second, real gateway serves the hub's real subgraphs, except one whose address is a closed
 * port: exactly what the first gateway sees while that subgraph is down.
 */
import { createServer } from 'node:net';
import { createLogger, formatSubgraphUrls, listen, type RunningHttpServer } from '@hub/core';
import { createGateway, loadGatewayConfig, type Gateway } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub } from './harness/client.js';

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const gateways: Array<{ gateway: Gateway; http: RunningHttpServer }> = [];

/** A gateway over the hub's subgraphs with `down` unreachable; returns its GraphQL URL. */
async function gatewayWithout(down: string): Promise<string> {
  const urls = { ...hub().subgraphUrls, [down]: `http://127.0.0.1:${await closedPort()}/graphql` };
  const config = loadGatewayConfig({
    HUB_DATA_DIR: hub().dataDir,
    HUB_SIGNING_SECRET: hub().signingSecret,
    HUB_SUBGRAPH_URLS: formatSubgraphUrls(urls),
    HUB_SUBGRAPH_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'error',
  });
  const gateway = await createGateway(config, createLogger('gateway-under-outage', { level: 'error', format: 'pretty' }));
  const http = await listen(gateway.handler, { port: 0, host: '127.0.0.1' });
  gateways.push({ gateway, http });
  return `http://127.0.0.1:${http.port}/graphql`;
}

let withoutEvents: string;
let withoutKnowledge: string;

beforeAll(async () => {
  [withoutEvents, withoutKnowledge] = await Promise.all([gatewayWithout('events'), gatewayWithout('knowledge')]);
});
afterAll(async () => {
  for (const { gateway, http } of gateways) {
    await http.close();
    await gateway.stop();
  }
});

describe('an outage blanks only what the missing subgraph owns', () => {
  it('keeps the committees when their events cannot be had, and names the events subgraph', async () => {
    const { status, body } = await graphql('{ committees(first: 3) { totalCount edges { node { code name events { totalCount } } } } }', { url: withoutEvents });
    expect(status).toBe(200);
    const nodes = body.data?.committees.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.name).toEqual(expect.any(String));
      expect(node.events).toBeNull();
    }
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.every((error) => error.extensions?.serviceName === 'events')).toBe(true);
    expect(body.errors?.[0]?.message).toContain('events');
  });

  it("keeps an event and its organizer when the knowledge subgraph is down; only its sources are null", async () => {
    const { body } = await graphql('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { title organizer { name } sources { title } } }', { url: withoutKnowledge });
    expect(body.data?.event.title).toEqual(expect.any(String));
    expect(body.data?.event.organizer.name).toEqual(expect.any(String));
    expect(body.data?.event.sources).toBeNull();
    expect(body.errors?.some((error) => error.extensions?.serviceName === 'knowledge')).toBe(true);
  });

  it('answers in full through the same kind of gateway when every subgraph is up', async () => {
    const { body } = await graphql('{ committees(first: 3) { edges { node { name events { totalCount } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.committees.edges.every((edge: { node: { events: unknown } }) => edge.node.events !== null)).toBe(true);
  });
});

/**
 * A second gateway in the test process, on the hub under test's subgraphs, configured as a
 * test needs (no anonymous callers, an unreachable registry…), on a free port.
 */
import { createLogger, formatSubgraphUrls, listen } from '@hub/core';
import { createGateway, loadGatewayConfig } from '@hub/gateway';
import { hub } from './client.js';

export interface ExtraGateway {
  /** Its base address, e.g. http://127.0.0.1:41234 (GraphQL at /graphql). */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startExtraGateway(name: string, env: Record<string, string>): Promise<ExtraGateway> {
  const config = loadGatewayConfig({ HUB_DATA_DIR: hub().dataDir, HUB_SIGNING_SECRET: hub().signingSecret, HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls), ...env });
  const gateway = await createGateway(config, createLogger(name, { level: 'error', format: 'pretty' }));
  const http = await listen(gateway.handler, { port: 0, host: '127.0.0.1' });
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await gateway.stop();
    },
  };
}

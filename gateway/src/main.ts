import { createLogger, listen, runMain, startTracing } from '@hub/core';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';

runMain('the gateway', async () => {
  const config = loadGatewayConfig();
  const log = createLogger('gateway');
  const stopTracing = startTracing('gateway', log);
  const gateway = await createGateway(config, log);
  const http = await listen(gateway.handler, { port: config.GATEWAY_PORT, host: config.HUB_HOST, portVariable: 'GATEWAY_PORT' });
  log.info(`listening on ${http.url}/graphql`, { supergraph: gateway.supergraphFile });
  return async () => {
    log.info('stopping');
    await http.close();
    await gateway.stop();
    await stopTracing();
  };
});

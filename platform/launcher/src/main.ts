/** `npm start`: the whole hub in the foreground; Ctrl-C stops every part of it. */
import { createLogger, runMain } from '@hub/core';
import { loadLauncherConfig } from './config.js';
import { startHub } from './hub.js';

runMain('the hub', async () => {
  const began = Date.now();
  const config = loadLauncherConfig();
  const log = createLogger('hub');
  const hub = await startHub({ config, log });
  log.info(`ready in ${((Date.now() - began) / 1000).toFixed(1)} s: GraphQL at ${hub.gatewayUrl}`);
  // A process that keeps crashing ends the hub (non-zero), rather than leaving it half up.
  void hub.failed.then(async (reason) => {
    log.error(`stopping the hub: ${reason}`);
    await hub.stop();
    process.exit(1);
  });
  return async () => {
    log.info('stopping the gateway, the subgraphs and the store');
    await hub.stop();
    log.info('stopped');
  };
});

/**
 * `npm run seed [-- --reset]`: validates and applies the seed to the configured databases
 * (MONGODB_URI…), or to the embedded store in HUB_DATA_DIR when none is configured.
 */
import { parseArgs } from 'node:util';
import { createLogger, runMain } from '@hub/core';
import { applySeed } from '@hub/seed';
import { loadLauncherConfig } from './config.js';
import { openStorage } from './storage.js';

runMain('npm run seed', async () => {
  const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
  const config = loadLauncherConfig();
  const log = createLogger('seed');
  const storage = await openStorage(config, log, (reason) => {
    log.error(`the seed cannot finish: ${reason}`);
    process.exit(1);
  });
  try {
    await applySeed({ targets: storage.targets, log, reset: values.reset });
  } finally {
    await storage.stop();
  }
  return async () => undefined;
});

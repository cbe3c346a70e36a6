/**
 * `node dist/cli.js build`: builds the store binary ahead of time (the package's build
 * script runs it) and prints its path. `node dist/cli.js start`: runs a store in the
 * foreground on HUB_STORE_PORT with its data in HUB_DATA_DIR/store (HUB_DATA_DIR/store-postgresql
 * with HUB_STORE_BACKEND=postgresql), as the launcher does.
 */
import { createLogger, loadConfig, runMain, sharedVariables, v, type StoreBackend } from '@hub/core';
import { defaultCacheDir } from './default-cache-dir.js';
import { ensureStoreBinary } from './ensure-store-binary.js';
import { StoreError } from './errors.js';
import { startEmbeddedStore } from './start-embedded-store.js';
import { otherBackendNotice, storeDataDir } from './store-data-dir.js';

const log = createLogger('store');
const command = process.argv[2];

if (command === 'build') {
  ensureStoreBinary({ cacheDir: defaultCacheDir(), log }).then(
    (binary) => process.stdout.write(`${binary}\n`),
    (error: unknown) => {
      // A machine without Go can still build and run the hub against MONGODB_URI;
      // starting the embedded store there will fail later with this same message.
      if (error instanceof StoreError && (error.code === 'GO_NOT_FOUND' || error.code === 'GO_TOO_OLD')) {
        log.warn(`embedded store not built: ${error.message}`);
        return;
      }
      process.stderr.write(`store build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else if (command === 'start') {
  runMain('store', async () => {
    const config = loadConfig({
      HUB_DATA_DIR: v.string({ default: '.hub-data', doc: "where the hub keeps local state; the store's data goes in its store/ folder" }),
      HUB_STORE_BACKEND: sharedVariables.HUB_STORE_BACKEND,
      HUB_STORE_PORT: v.port({ default: 27017, doc: "the embedded store's port (0 picks a free one)" }),
    });
    const backend = config.HUB_STORE_BACKEND as StoreBackend;
    const dataDir = storeDataDir(config.HUB_DATA_DIR, backend);
    const notice = otherBackendNotice(config.HUB_DATA_DIR, backend);
    if (notice) log.warn(notice);
    const store = await startEmbeddedStore({ dataDir, backend, port: config.HUB_STORE_PORT, log });
    log.info(`embedded store ready at ${store.uri}; Ctrl-C stops it`, { data: dataDir, pid: store.pid });
    process.stdout.write(`${store.uri}\n`);
    return store.stop;
  });
} else {
  process.stderr.write('usage: node dist/cli.js build | start\n');
  process.exitCode = 2;
}

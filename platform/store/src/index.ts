export { defaultCacheDir } from './default-cache-dir.js';
export { ensureStoreBinary, type EnsureStoreBinaryOptions } from './ensure-store-binary.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { startEmbeddedStore, type EmbeddedStore, type StartEmbeddedStoreOptions } from './start-embedded-store.js';
export { otherBackendNotice, storeDataDir } from './store-data-dir.js';

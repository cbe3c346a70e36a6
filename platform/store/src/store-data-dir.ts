import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoreBackend } from '@hub/core';

const FOLDERS: Record<StoreBackend, string> = { sqlite: 'store', postgresql: 'store-postgresql' };

/**
 * The embedded store's folder in HUB_DATA_DIR for a backend. Each backend has its own, so
 * switching HUB_STORE_BACKEND never reads, changes or removes the other one's data.
 */
export function storeDataDir(hubDataDir: string, backend: StoreBackend = 'sqlite'): string {
  return join(resolve(hubDataDir), FOLDERS[backend]);
}

/** Whether a backend's folder holds data: SQLite database files, or a PostgreSQL cluster. */
function holdsData(hubDataDir: string, backend: StoreBackend): boolean {
  const dir = storeDataDir(hubDataDir, backend);
  if (backend === 'postgresql') return existsSync(join(dir, 'pgdata', 'PG_VERSION'));
  try {
    return readdirSync(dir).some((name) => name.endsWith('.sqlite'));
  } catch {
    return false;
  }
}

/**
 * A sentence for the log when the other backend's folder in HUB_DATA_DIR holds data, which the
 * store started now does not serve; undefined when it holds none.
 */
export function otherBackendNotice(hubDataDir: string, backend: StoreBackend): string | undefined {
  const other: StoreBackend = backend === 'sqlite' ? 'postgresql' : 'sqlite';
  if (!holdsData(hubDataDir, other)) return undefined;
  return (
    `HUB_STORE_BACKEND=${backend}: the store serves the data in ${storeDataDir(hubDataDir, backend)}. ` +
    `The ${other} backend's data in ${storeDataDir(hubDataDir, other)} is kept as it is but not served; ` +
    `set HUB_STORE_BACKEND=${other} to use it again`
  );
}

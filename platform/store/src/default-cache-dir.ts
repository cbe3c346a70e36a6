import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$HUB_STORE_CACHE_DIR`, else `$XDG_CACHE_HOME/hub`, else `~/.cache/hub`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUB_STORE_CACHE_DIR) return env.HUB_STORE_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'hub');
  return join(homedir(), '.cache', 'hub');
}

/**
 * A gateway connected to the registry serves its latest supergraph version and follows it:
 * every few seconds it asks for the newest version and switches to it (Apollo Gateway swaps the
 * schema between requests, so no request fails). It also keeps the partners' signing secrets
 * current, so a rotation or a new partner takes effect without a restart.
 *
 * When the registry cannot be reached the gateway keeps serving the last good supergraph, says
 * so once, and says so again when the registry is back. The same poll keeps the list of service
 * tokens current, so a revoked one is refused within one interval. A version the gateway cannot serve is
 * refused (the last good one stays) and logged.
 */
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@hub/core';
import type { Partner, SchemaRegistry, SubgraphEntry } from './schema-registry.js';

/** The secrets the gateway signs each partner's requests with: the newest first, then any still in their grace period. */
export class PartnerSecrets {
  private secrets = new Map<string, string[]>();

  update(partners: readonly Partner[], now = new Date()): void {
    this.secrets = new Map(partners.map((partner) => [partner._id, partner.secrets.filter((s) => !s.retiresAt || s.retiresAt > now).map((s) => s.secret)]));
  }

  of(name: string): string[] | undefined {
    return this.secrets.get(name);
  }
}

export interface FollowRegistryOptions {
  registry: SchemaRegistry;
  partnerSecrets: PartnerSecrets;
  /** What to serve when the registry has no version yet (the checked-in supergraph). */
  fallback: string;
  log: Logger;
  pollMs: number;
  /** What else every poll refreshes from the registry (service tokens). */
  refreshAlso?: () => Promise<void>;
  /** Called when the served version changes (for logs, metrics and tests). */
  onVersion?: (version: number | null) => void;
  /** Called with the subgraphs of each version the gateway starts serving (for readiness). */
  onServed?: (subgraphs: readonly SubgraphEntry[]) => void;
}

export function supergraphFromRegistry(options: FollowRegistryOptions): SupergraphSdlHook {
  const { registry, partnerSecrets, log } = options;
  return async ({ update }) => {
    let servedHash: string | undefined;
    let servedVersion: number | null = null;
    let reachable = true;
    let pending: readonly SubgraphEntry[] = [];

    const refresh = async (): Promise<string | undefined> => {
      const [latest, partners] = await Promise.all([registry.latest(), registry.listPartners(), options.refreshAlso?.()]);
      partnerSecrets.update(partners);
      if (!reachable) log.info('registry reachable again', { version: latest?._id ?? null });
      reachable = true;
      if (!latest || latest.hash === servedHash) return undefined;
      servedHash = latest.hash;
      servedVersion = latest._id;
      pending = latest.subgraphs;
      return latest.supergraph;
    };

    let initial = options.fallback;
    try {
      const first = await refresh();
      if (first) {
        initial = first;
        options.onServed?.(pending);
      }
    } catch (error) {
      reachable = false;
      log.warn('registry unreachable at start; serving the checked-in supergraph until it answers', { error: (error as Error).message });
    }
    options.onVersion?.(servedVersion);
    log.info(servedVersion ? `serving supergraph version ${servedVersion} from the registry` : 'serving the checked-in supergraph (the registry has no version yet)');

    let polling = false;
    const timer = setInterval(() => {
      if (polling) return;
      polling = true;
      void refresh()
        .then((next) => {
          if (!next) return;
          try {
            update(next);
            options.onServed?.(pending);
            log.info(`now serving supergraph version ${servedVersion}`);
            options.onVersion?.(servedVersion);
          } catch (error) {
            log.error(`supergraph version ${servedVersion} cannot be served; still serving the last good one`, { error });
          }
        })
        .catch((error: Error) => {
          if (reachable) log.warn('registry unreachable; still serving the last good supergraph', { error: error.message });
          reachable = false;
        })
        .finally(() => {
          polling = false;
        });
    }, options.pollMs);
    timer.unref();
    return { supergraphSdl: initial, cleanup: async () => clearInterval(timer) };
  };
}

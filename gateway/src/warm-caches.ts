/**
 * The gateway's parse/validation cache and query-plan cache, kept across supergraph reloads that
 * do not change what they depend on. Apollo empties both on every new supergraph; the hub
 * reloads one whenever the registry has a new version, which is often only a subgraph's new
 * address. So:
 *
 * - documents (parsed and validated queries) are keyed by the API schema's hash (Apollo Server
 *   does this itself for a document store given to it): the same schema finds them again;
 * - plans are keyed by the supergraph without its subgraph addresses (a plan names subgraphs,
 *   never where they are), and the planner's "clear" on a reload is ignored: a changed
 *   supergraph has other keys, and its stale plans age out of the LRU.
 *
 * Lookups are counted, hit or miss, so an operator can see the caches work.
 */
import { createHash } from 'node:crypto';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { QueryPlanCache } from '@apollo/query-planner';
import type { DocumentNode } from 'graphql';

export type CacheName = 'document' | 'plan';

/** What a plan depends on: the supergraph with every subgraph's URL left out. */
export function planningShape(supergraphSdl: string): string {
  const withoutUrls = supergraphSdl.replace(/(@join__graph\(name: "[^"]*"), url: "[^"]*"\)/g, '$1)');
  return createHash('sha256').update(withoutUrls).digest('hex');
}

function counted<V>(cache: KeyValueCache<V>, keyOf: (key: string) => string, lookup: (hit: boolean) => void): KeyValueCache<V> {
  return {
    async get(key) {
      const value = await cache.get(keyOf(key));
      lookup(value !== undefined);
      return value;
    },
    set: (key, value, options) => cache.set(keyOf(key), value, options),
    delete: (key) => cache.delete(keyOf(key)),
  };
}

export class WarmCaches {
  private shape = '';
  /** For Apollo Server's `documentStore`: it prefixes every key with the API schema's hash. */
  readonly documents: KeyValueCache<DocumentNode>;
  /** For Apollo Gateway's `queryPlannerConfig.cache`. */
  readonly plans: QueryPlanCache;

  constructor(lookup: (cache: CacheName, hit: boolean) => void) {
    this.documents = counted(new InMemoryLRUCache<DocumentNode>(), (key) => key, (hit) => lookup('document', hit));
    const plans = new InMemoryLRUCache<Parameters<QueryPlanCache['set']>[1]>();
    this.plans = {
      ...counted(plans, (key) => `${this.shape}:${key}`, (hit) => lookup('plan', hit)),
      // Called by the gateway on every new supergraph; the keys already tell supergraphs apart.
      clear: () => undefined,
    };
  }

  /**
   * Called with each supergraph the gateway switches to (before any request is planned on it).
   * Returns whether its plans are those of the previous one.
   */
  supergraphServed(supergraphSdl: string): boolean {
    const next = planningShape(supergraphSdl);
    const kept = next === this.shape;
    this.shape = next;
    return kept;
  }
}

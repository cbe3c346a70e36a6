import type { EntityManager } from '@mikro-orm/mongodb';
import type { Identity, Logger } from '@hub/core';
import DataLoader from 'dataloader';
import type { Peers } from './peers.js';

/** What every resolver of every subgraph receives, built fresh for each request. */
export interface SubgraphContext {
  /** An EntityManager forked for this request: its own identity map, nothing shared. */
  readonly em: EntityManager;
  /** The caller, as the gateway authenticated and signed it. */
  readonly identity: Identity;
  readonly loaders: LoaderCache;
  readonly log: Logger;
  /** Other subgraphs, to check that records a write points at exist. */
  readonly peers: Peers;
  /** The records this request wrote, reported to the gateway for its audit log (write-log.ts). */
  readonly writes: WriteNote[];
  /**
   * The largest root page this request may ask for: MAX_PAGE_SIZE, or EXPORT_PAGE_SIZE when the
   * gateway marked (in the signed body) the request as a page of an export it runs.
   */
  pageLimit?: number;
}

/** One record a request wrote. */
export interface WriteNote {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly action: 'create' | 'update' | 'archive';
}

/**
 * The request's DataLoaders, created on first use. Resolvers ask for a loader by a key naming
 * what it loads; all rows a plan step needs then go out in one batch.
 */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Trusted documents (persisted operations) in the registry database, shared by every gateway:
 * operations published from a client's manifest, which callers then run by id. An id keeps the
 * document it was published with; publishing the same manifest again changes nothing.
 */
import type { Collection, Db } from 'mongodb';
import type { ManifestFormat, ManifestOperation } from '../persisted-manifest.js';

export interface PersistedOperation extends ManifestOperation {
  /** The id clients send (`documentId`, or `extensions.persistedQuery.sha256Hash`). */
  readonly _id: string;
  readonly format: ManifestFormat;
  readonly publishedAt: Date;
  readonly publishedBy: string;
}

export class OperationConflict extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`${ids.length === 1 ? 'an id is' : `${ids.length} ids are`} already published with another document (${ids.slice(0, 5).join(', ')})`);
  }
}

export class OperationStore {
  readonly operations: Collection<PersistedOperation>;

  constructor(db: Db) {
    this.operations = db.collection<PersistedOperation>('persisted_operations');
  }

  async get(id: string): Promise<PersistedOperation | null> {
    return this.operations.findOne({ _id: id });
  }

  /** Sorted by name, without the documents. */
  async list(): Promise<Array<Omit<PersistedOperation, 'body'>>> {
    return this.operations.find({}, { projection: { body: 0 } }).sort({ name: 1, _id: 1 }).toArray();
  }

  /**
   * Stores a manifest's operations, all or none: an id already published with another document
   * refuses the whole manifest before anything is written, and a write that fails half-way takes
   * back what it had added (the store has no transactions).
   */
  async publish(format: ManifestFormat, operations: readonly ManifestOperation[], by: string): Promise<{ added: string[]; unchanged: string[] }> {
    const ids = operations.map((operation) => operation.id);
    const existing = new Map((await this.operations.find({ _id: { $in: ids } }).toArray()).map((stored) => [stored._id, stored]));
    const conflicts = operations.filter((operation) => existing.has(operation.id) && existing.get(operation.id)!.body !== operation.body).map((operation) => operation.id);
    if (conflicts.length > 0) throw new OperationConflict(conflicts);
    const fresh = operations.filter((operation) => !existing.has(operation.id));
    const publishedAt = new Date();
    const added: string[] = [];
    try {
      for (const operation of fresh) {
        await this.operations.insertOne({ ...operation, _id: operation.id, format, publishedAt, publishedBy: by });
        added.push(operation.id);
      }
    } catch (error) {
      if (added.length > 0) await this.operations.deleteMany({ _id: { $in: added } }).catch(() => undefined);
      if ((error as { code?: number }).code === 11000) throw new Error('another publish stored some of these operations at the same moment; publish again');
      throw error;
    }
    return { added, unchanged: operations.filter((operation) => existing.has(operation.id)).map((operation) => operation.id) };
  }

  async remove(id: string): Promise<boolean> {
    return (await this.operations.deleteOne({ _id: id })).deletedCount === 1;
  }
}

/**
 * A gateway's view of the published operations: each id looked up once and remembered for one
 * registry poll interval, so a removal reaches every gateway within a few seconds while a busy
 * operation costs one lookup per interval, not one per request.
 */
export class OperationCache {
  private entries = new Map<string, { operation: PersistedOperation | null; at: number }>();

  constructor(
    private readonly store: OperationStore,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(id: string, now = Date.now()): Promise<PersistedOperation | null> {
    const cached = this.entries.get(id);
    if (cached && now - cached.at < this.ttlMs) return cached.operation;
    const operation = await this.store.get(id);
    // Past the bound, start afresh rather than track recency: lookups are cheap, memory is not.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { operation, at: now });
    return operation;
  }

  /** This gateway published or removed these ids: forget what it remembered of them. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.entries.delete(id);
  }
}

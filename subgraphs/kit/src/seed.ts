/**
 * Writing seed records idempotently. A record is inserted when missing and refreshed when the
 * seed changed it, unless someone edited it through the API (`editedAt` set): nothing a user
 * stored is overwritten by a restart. Derived fields (search tokens, sort and lookup keys) are
 * another matter: they follow from the stored fields by the entity's `refresh()`, so when the
 * code computes them differently (new kinds of search tokens) every stored record gets them
 * recomputed, edited and user-created ones included, without touching what users wrote.
 */
import type { EntityManager } from '@mikro-orm/mongodb';

export interface SeedWriteResult {
  readonly collection: string;
  readonly records: number;
  readonly inserted: number;
  readonly updated: number;
  /** Records users edited, left as they are. */
  readonly kept: number;
  /** Records users edited or created whose derived fields were recomputed (their own fields untouched). */
  readonly rederived: number;
}

type Refreshable = { _id: string; refresh?: () => unknown };

/**
 * An entity whose records also hold what arrives by other means than the seed (an article's
 * text, from `hub documents import`): the seed lays its facts over the stored record and leaves
 * these fields as they are, and derived fields (search tokens) are computed from both.
 */
/**
 * An entity whose derived fields include some that records stored before them lack: at start,
 * the records missing any of them are rederived (`rederiveLacking` in orm.ts).
 */
export interface WithAddedDerivedFields {
  readonly addedDerivedFields?: readonly string[];
}

export interface WithImportedFields {
  readonly importedFields?: readonly string[];
}

/** The document MikroORM would store for an instance: own fields, no undefined values. */
function toDocument(instance: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
}

/** JSON with sorted keys, to compare a stored document with a seed one whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Reads what is stored, then inserts the missing records and replaces the changed ones (one
 * statement each: FerretDB was seen to hang on large mixed upsert batches). A second run over
 * the same seed reads once and writes nothing.
 */
export async function writeSeedRecords<T extends Refreshable>(
  em: EntityManager,
  entity: new () => T,
  records: ReadonlyArray<Partial<T> & { _id: string }>,
): Promise<SeedWriteResult> {
  const collection = em.getCollection(entity);
  // Every stored record, not only the seed's: user-created ones need their derived fields too.
  const stored = new Map((await collection.find({} as never).toArray()).map((document) => [document._id as unknown as string, document as Record<string, unknown>]));
  const imported = (entity as WithImportedFields).importedFields ?? [];
  const documents = records.map((record) => {
    const current = stored.get(record._id);
    const kept = Object.fromEntries(imported.filter((field) => current?.[field] !== undefined).map((field) => [field, current![field]]));
    const instance = Object.assign(new entity(), record, kept);
    instance.refresh?.();
    return toDocument(instance);
  });
  const result = { collection: collection.collectionName, records: documents.length, inserted: 0, updated: 0, kept: 0, rederived: 0 };
  const seeded = new Set(documents.map((document) => document._id as string));
  const now = new Date();
  const missing = documents.filter((document) => !stored.has(document._id as string)).map((document) => ({ ...document, changedAt: now }));
  if (missing.length > 0) await collection.insertMany(missing as never[], { ordered: true });
  result.inserted = missing.length;
  for (const document of documents) {
    const current = stored.get(document._id as string);
    if (!current) continue;
    if ('editedAt' in current && current.editedAt != null) {
      result.kept += 1;
      result.rederived += await rederive(collection, entity, current);
    } else if (canonical({ ...current, version: undefined, changedAt: undefined }) !== canonical({ ...document, version: undefined, changedAt: undefined })) {
      // A refresh is a write like any other: the version moves on, so an update based on the
      // old content is told (CONFLICT) rather than applied over it. The filter re-checks
      // editedAt and the version: an edit made since the read above still wins.
      const version = typeof current.version === 'number' ? current.version : 0;
      const { modifiedCount } = await collection.replaceOne(
        { _id: document._id, editedAt: { $exists: false }, ...(version ? { version } : {}) } as never,
        { ...document, version: version + 1, changedAt: now } as never,
      );
      result.updated += modifiedCount;
    }
  }
  for (const [id, current] of stored) if (!seeded.has(id)) result.rederived += await rederive(collection, entity, current);
  return result;
}

/**
 * Recomputes a stored record's derived fields and writes those that differ, and nothing else.
 * The version stays (nothing a user wrote changed, so nobody's next update should conflict),
 * but the write is conditional on it: a record changed since it was read is left for the next
 * run rather than overwritten with fields derived from its old content. 1 when written.
 */
async function rederive<T extends Refreshable>(collection: ReturnType<EntityManager['getCollection']>, entity: new () => T, current: Record<string, unknown>): Promise<number> {
  const update = rederivation(entity, current);
  if (!update) return 0;
  const { modifiedCount } = await collection.updateOne(update.updateOne.filter as never, update.updateOne.update as never);
  return modifiedCount;
}

/**
 * The write that gives a stored record its derived fields as `refresh()` computes them now (the
 * fields that differ, conditional on the record's version), as a bulk-write operation; undefined
 * when nothing differs.
 */
export function rederivation<T extends Refreshable>(entity: new () => T, current: Record<string, unknown>) {
  const instance = Object.assign(new entity(), current);
  if (!instance.refresh) return undefined;
  instance.refresh();
  const before = toDocument(current);
  const after = toDocument(instance);
  const changed = Object.keys(after).filter((key) => canonical(after[key]) !== canonical(before[key]));
  if (changed.length === 0) return undefined;
  const set = Object.fromEntries(changed.map((key) => [key, (instance as unknown as Record<string, unknown>)[key]]));
  return { updateOne: { filter: { _id: current._id, version: current.version ?? { $exists: false } }, update: { $set: set } } };
}

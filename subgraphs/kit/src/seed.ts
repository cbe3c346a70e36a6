/**
 * Writing seed records idempotently. A record is inserted when missing and refreshed when the
 * seed changed it, unless someone edited it through the API (`editedAt` set): nothing a user
 * stored is overwritten by a restart.
 */
import type { EntityManager } from '@mikro-orm/mongodb';

export interface SeedWriteResult {
  readonly collection: string;
  readonly records: number;
  readonly inserted: number;
  readonly updated: number;
  /** Records users edited, left as they are. */
  readonly kept: number;
}

type Refreshable = { _id: string; refresh?: () => unknown };

/**
 * An entity whose records also hold what arrives by other means than the seed (an article's
 * text, from `hub documents import`): the seed lays its facts over the stored record and leaves
 * these fields as they are, and derived fields (search tokens) are computed from both.
 */
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
  const result = { collection: collection.collectionName, records: records.length, inserted: 0, updated: 0, kept: 0 };
  if (records.length === 0) return result;
  const stored = new Map(
    (await collection.find({ _id: { $in: records.map((record) => record._id) } } as never).toArray()).map((document) => [document._id as unknown as string, document]),
  );
  const imported = (entity as WithImportedFields).importedFields ?? [];
  const documents = records.map((record) => {
    const current = stored.get(record._id);
    const kept = Object.fromEntries(imported.filter((field) => current?.[field] !== undefined).map((field) => [field, current![field]]));
    const instance = Object.assign(new entity(), record, kept);
    instance.refresh?.();
    return toDocument(instance);
  });
  const missing = documents.filter((document) => !stored.has(document._id as string));
  if (missing.length > 0) await collection.insertMany(missing as never[], { ordered: true });
  result.inserted = missing.length;
  for (const document of documents) {
    const current = stored.get(document._id as string);
    if (!current) continue;
    if ('editedAt' in current && current.editedAt != null) {
      result.kept += 1;
    } else if (canonical({ ...current, version: undefined }) !== canonical({ ...document, version: undefined })) {
      // A refresh is a write like any other: the version moves on, so an update based on the
      // old content is told (CONFLICT) rather than applied over it. The filter re-checks
      // editedAt and the version: an edit made since the read above still wins.
      const version = typeof current.version === 'number' ? current.version : 0;
      const { modifiedCount } = await collection.replaceOne(
        { _id: document._id, editedAt: { $exists: false }, ...(version ? { version } : {}) } as never,
        { ...document, version: version + 1 } as never,
      );
      result.updated += modifiedCount;
    }
  }
  return result;
}

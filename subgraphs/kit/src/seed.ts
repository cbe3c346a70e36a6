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

/** The document MikroORM would store for an instance: own fields, no undefined values. */
function toDocument(instance: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
}

function withoutId({ _id, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

export async function writeSeedRecords<T extends Refreshable>(
  em: EntityManager,
  entity: new () => T,
  records: ReadonlyArray<Partial<T> & { _id: string }>,
): Promise<SeedWriteResult> {
  const collection = em.getCollection(entity);
  const documents = records.map((record) => {
    const instance = Object.assign(new entity(), record);
    instance.refresh?.();
    return toDocument(instance);
  });
  if (documents.length === 0) return { collection: collection.collectionName, records: 0, inserted: 0, updated: 0, kept: 0 };
  const ids = documents.map((document) => document._id as string);
  const edited = await collection.countDocuments({ _id: { $in: ids }, editedAt: { $exists: true } } as never);
  const result = await collection.bulkWrite(
    documents.flatMap((document) => [
      { updateOne: { filter: { _id: document._id }, update: { $setOnInsert: withoutId(document) }, upsert: true } },
      { replaceOne: { filter: { _id: document._id, editedAt: { $exists: false } }, replacement: document } },
    ]) as never,
    { ordered: true },
  );
  return {
    collection: collection.collectionName,
    records: documents.length,
    inserted: result.upsertedCount,
    updated: result.modifiedCount,
    kept: edited,
  };
}

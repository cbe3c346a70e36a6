/**
 * Aggregations and finds whose answers are many small rows (a statistics' groups, the (value,
 * event) pairs of an id list, the keys of many parents' rows): asked for in batches of up to
 * AGGREGATE_BATCH rows. FerretDB answers each
 * getMore with 250 documents when the client names no size (MongoDB fills 16 MB), so 150,000
 * pairs took 600 round trips, most of a 3-second answer.
 */
import type { EntityManager } from '@mikro-orm/mongodb';

/** Rows per batch: tens of bytes each, so a batch stays far below the 16 MB of a reply. */
export const AGGREGATE_BATCH = 50_000;

export async function aggregateRows<T>(em: EntityManager, entity: new () => object, pipeline: object[]): Promise<T[]> {
  return (await em.getCollection(entity).aggregate(pipeline as never[], { batchSize: AGGREGATE_BATCH }).toArray()) as T[];
}

/**
 * The `fields` (and `_id`) of the documents matching `filter` (in the store's field names), as
 * plain objects: for rows that are only keyed and sorted, not resolved, so without MikroORM's
 * hydration (1.1 s of the events subgraph's CPU for 15,000 events).
 */
export async function findRows<T>(em: EntityManager, entity: new () => object, filter: object, fields: readonly string[]): Promise<T[]> {
  const projection = Object.fromEntries(fields.map((field) => [field, 1]));
  return (await em.getCollection(entity).find(filter as never, { projection, batchSize: AGGREGATE_BATCH }).toArray()) as T[];
}

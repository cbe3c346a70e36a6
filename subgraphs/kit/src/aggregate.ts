/**
 * Aggregations whose answers are many small rows (a statistics' groups, the (value, event) pairs
 * of an id list): asked for in batches of up to AGGREGATE_BATCH rows. FerretDB answers each
 * getMore with 250 documents when the client names no size (MongoDB fills 16 MB), so 150,000
 * pairs took 600 round trips, most of a 3-second answer.
 */
import type { EntityManager } from '@mikro-orm/mongodb';

/** Rows per batch: tens of bytes each, so a batch stays far below the 16 MB of a reply. */
export const AGGREGATE_BATCH = 50_000;

export async function aggregateRows<T>(em: EntityManager, entity: new () => object, pipeline: object[]): Promise<T[]> {
  return (await em.getCollection(entity).aggregate(pipeline as never[], { batchSize: AGGREGATE_BATCH }).toArray()) as T[];
}

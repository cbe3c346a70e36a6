/**
 * Batch loaders: one `$in` query per entity type per plan step, results in key order.
 * Every `__resolveReference` and every list-valued field goes through one of these.
 */
import type { EntityClass } from '@mikro-orm/core';

/** A Mongo filter; MikroORM's generic filter types fight generic code, so we cast at the call. */
export type Filter = Record<string, unknown>;

/**
 * Archived records leave every list, yet still resolve by id and by reference. A fresh object
 * each time: MikroORM rewrites filter objects in place, so a shared one is not safe.
 */
export function notArchived(): Filter {
  return { archivedAt: null };
}
import DataLoader from 'dataloader';
import { inSpan } from '@hub/core';
import { aggregateRows, findRows } from './aggregate.js';
import type { SubgraphContext } from './context.js';

let countLookup: (result: 'hit' | 'miss') => void = () => undefined;

/** Where the loaders' cache lookups are counted (the subgraph's metrics: hub_cache_lookups_total). */
export function countLoaderLookups(count: (result: 'hit' | 'miss') => void): void {
  countLookup = count;
}

/** DataLoader's per-request cache, counting whether a key was already loaded in this request. */
class CountingCache<K, V> extends Map<K, V> {
  override get(key: K): V | undefined {
    const value = super.get(key);
    countLookup(value === undefined ? 'miss' : 'hit');
    return value;
  }
}

/** A batch function in a span of its own ("dataloader Event by id", with how many keys), so a trace shows each batch. */
function traced<K, V>(name: string, load: (keys: readonly K[]) => Promise<V[]>): (keys: readonly K[]) => Promise<V[]> {
  return (keys) => inSpan(`dataloader ${name}`, { 'hub.batch.size': keys.length }, () => load(keys));
}

type WithId = { _id: string };

/** Loads records of one type by id; a missing id gives null. */
export function byId<T extends WithId>(ctx: SubgraphContext, entity: EntityClass<T>): DataLoader<string, T | null> {
  return ctx.loaders.get(`${entity.name}#id`, () =>
    new DataLoader<string, T | null>(traced(`${entity.name} by id`, async (ids) => {
      // One id is asked as an equality, not `$in`: the embedded store (FerretDB 1.24, on either
      // backend) pushes only `_id` equality down, so SQLite matches the id itself instead of
      // FerretDB decoding every document in Go — 6 to 10 times faster at scale 1 (a table scan
      // still, as FerretDB's _id index does not serve that expression).
      const rows = await ctx.em.find(entity, (ids.length === 1 ? { _id: ids[0] } : { _id: { $in: [...ids] } }) as never);
      const found = new Map(rows.map((row) => [row._id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }), { cacheMap: new CountingCache() }),
  );
}

/** The records of some ids that exist, in the ids' order, through the batch loader. */
export async function existing<T extends WithId>(ctx: SubgraphContext, entity: EntityClass<T>, ids: readonly string[]): Promise<T[]> {
  const rows = await byId(ctx, entity).loadMany([...ids]);
  return rows.filter((row): row is T => row instanceof entity);
}

/**
 * Tells the request's id loader about rows a list query already fetched, so a later reference
 * to one of them (a parent, an organizer) costs no query.
 */
export function prime<T extends WithId>(ctx: SubgraphContext, entity: EntityClass<T>, rows: readonly T[]): void {
  const loader = byId(ctx, entity);
  for (const row of rows) loader.prime(row._id, row);
}

/**
 * Loads, for each key, the records whose `field` equals the key or (for an array field)
 * contains it. `where` narrows every batch the same way (e.g. leaving archived records out).
 * With `fields`, only those properties (and `_id`) are loaded, as plain objects outside the
 * identity map and the id loader: rows to key and sort, not to resolve.
 */
export function manyBy<T extends WithId>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  field: keyof T & string,
  options: { where?: Filter; sort?: (a: T, b: T) => number; fields?: ReadonlyArray<keyof T & string> } = {},
): DataLoader<string, T[]> {
  const { fields } = options;
  // Calls with the same narrowing share one loader, so they batch into one query.
  return ctx.loaders.get(`${entity.name}#${field}#${JSON.stringify(options.where ?? {})}${fields ? `#${fields.join(',')}` : ''}`, () =>
    new DataLoader<string, T[]>(traced(`${entity.name} by ${field}`, async (keys) => {
      const inKeys: Filter = { [field]: { $in: [...keys] } };
      const where = (options.where ? { $and: [inKeys, options.where] } : inKeys) as never;
      const rows = fields ? await findRows<T>(ctx.em as never, entity as never, where, fields) : await ctx.em.find(entity, where);
      if (!fields) prime(ctx, entity, rows);
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of options.sort ? [...rows].sort(options.sort) : rows) {
        const value = row[field] as unknown;
        for (const key of Array.isArray(value) ? value : [value]) groups.get(key as string)?.push(row);
      }
      return keys.map((key) => groups.get(key) ?? []);
    }), { cacheMap: new CountingCache() }),
  );
}

/**
 * How many rows under `where` hold each key in `field` (a value, or an array of values): one
 * grouped count per plan step, without reading the rows. The distinct (key, row) pairs are
 * counted, so a row counts once per key however often it lists it; on the embedded store the
 * grouping is SQL over its index keys. `where` is in the store's field names, as the kit's
 * filters are.
 */
export function countBy<T extends WithId>(ctx: SubgraphContext, entity: EntityClass<T>, field: keyof T & string, options: { where?: Filter } = {}): DataLoader<string, number> {
  return ctx.loaders.get(`${entity.name}#${field}#count#${JSON.stringify(options.where ?? {})}`, () =>
    new DataLoader<string, number>(traced(`${entity.name} counted by ${field}`, async (keys) => {
      const inKeys: Filter = { [field]: { $in: [...keys] } };
      const groups = await aggregateRows<{ _id: unknown; n: number }>(ctx.em, entity as never, [
        { $match: options.where ? { $and: [inKeys, structuredClone(options.where)] } : inKeys },
        { $unwind: `$${field}` },
        { $group: { _id: { key: `$${field}`, row: '$_id' } } },
        { $group: { _id: '$_id.key', n: { $sum: 1 } } },
      ]);
      const counts = new Map(groups.map((group) => [group._id, group.n]));
      return keys.map((key) => counts.get(key) ?? 0);
    })),
  );
}

/**
 * The `__resolveReference` of an entity this subgraph owns: other subgraphs send its key, the
 * batch loader fetches all of a plan step's keys at once. Archived records still resolve, so
 * nothing elsewhere is left pointing at nothing.
 */
export function entityReference<T extends WithId>(entity: EntityClass<T>, key: 'id' | 'code' = 'id') {
  return {
    __resolveReference: (reference: Record<string, string>, ctx: SubgraphContext) => byId(ctx, entity).load(reference[key]!),
  };
}

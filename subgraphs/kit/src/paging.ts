/**
 * Cursor paging over a unique, indexed sort field. The cursor is the last row's sort value, so a
 * page is one range query (`field > cursor`, limit first + 1) plus one count, whatever the page
 * number: no skip, and rows added before the cursor do not shift later pages.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { EXPORT_PAGE_EXTENSION, EXPORT_PAGE_SIZE } from '@hub/core';
import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput } from './errors.js';
import type { SubgraphContext } from './context.js';
import { countBy, existing, manyBy, prime, type Filter } from './loaders.js';
import { selectedProperties, type FieldReads } from './selection.js';

/** The largest page a client may ask for; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * A cursor names its list (the row type and the order) beside the last row's sort value, so a
 * cursor from one list is refused on another instead of silently giving a wrong page.
 */
export function encodeCursor(list: string, sortValue: string): string {
  return Buffer.from(JSON.stringify([list, sortValue]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, list: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // reported below
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    if (parsed[0] === list) return parsed[1];
    throw badUserInput('after', `is a cursor of another list (${parsed[0]}), not of this one (${list}); pass this field's own pageInfo.endCursor`);
  }
  throw badUserInput('after', 'is not a cursor returned by this field; pass a pageInfo.endCursor');
}

/**
 * The identity of a list for its cursors: what it holds and in which order, and for a list
 * whose order depends on an argument (search results ranked for one query) that argument too,
 * since a position in one ranking means nothing in another.
 */
export function listIdentity(typeName: string, sortField: string, descending = false, scope?: string): string {
  return `${typeName}.${sortField}${descending ? ' desc' : ''}${scope ? ` for ${scope}` : ''}`;
}

/** The page size when a client gives none. */
export const DEFAULT_PAGE_SIZE = 20;

export function checkFirst(first: number, limit = MAX_PAGE_SIZE): void {
  if (!Number.isInteger(first) || first < 0) throw badUserInput('first', `must be 0 or more, got ${first}`);
  if (first > limit) throw badUserInput('first', `must be at most ${limit}, got ${first}; page with \`after\``);
}

/**
 * An export's pages (the gateway sets `extensions.hubExportPage` on them, inside the signed body)
 * may be as large as EXPORT_PAGE_SIZE: every page of a root list costs the embedded store one
 * sorted scan of the collection whatever its size, so an export of a few thousand records in
 * pages of 100 paid that scan many times over. Only root lists (`paginate`) serve them; the
 * batch-loaded nested lists keep MAX_PAGE_SIZE.
 */
export function exportPagePlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      // A batch shares one context, but all its operations come from one gateway request, so they agree.
      if (request.extensions?.[EXPORT_PAGE_EXTENSION] === true) contextValue.pageLimit = EXPORT_PAGE_SIZE;
    },
  };
}

export interface PageRequest<T> {
  entity: EntityClass<T>;
  where: Filter;
  /** A unique, indexed field holding a string that orders the rows. */
  sortField: keyof T & string;
  descending?: boolean;
  first?: number | null;
  after?: string | null;
  /**
   * The list field's resolve info, and what its computed fields read: given, a page loads only
   * the properties its selected fields need (`selectedProperties`), else whole records.
   */
  selection?: { info: GraphQLResolveInfo; reads?: FieldReads<T> };
}

/**
 * A page whose parts are computed only when a client selects them (getters, which the field
 * resolvers read): `totalCount` alone costs one count and no find; edges alone cost one find
 * and no count; and a first page that is not full knows its total without counting.
 */
export interface LazyPage<T> {
  readonly edges: Promise<Page<T>['edges']>;
  readonly pageInfo: Promise<Page<T>['pageInfo']>;
  readonly totalCount: Promise<number>;
}

export function paginate<T extends { _id: string }>(ctx: SubgraphContext, request: PageRequest<T>): LazyPage<T> {
  const { em } = ctx;
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  checkFirst(first, ctx.pageLimit);
  const { sortField, descending = false } = request;
  const list = listIdentity(request.entity.name, sortField, descending);
  const position = request.after ? { [sortField]: { [descending ? '$lt' : '$gt']: decodeCursor(request.after, list) } } : undefined;
  const where = (position ? { $and: [request.where, position] } : request.where) as never;

  let rows: Promise<T[]> | undefined;
  const loadRows = () =>
    (rows ??= (async () => {
      // One row more than asked for tells whether there is a next page (for `first: 0` too).
      const options = { orderBy: { [sortField]: descending ? 'desc' : 'asc' } as never, limit: first + 1 };
      const fields = request.selection && selectedProperties(ctx, request.entity, request.selection.info, request.selection.reads);
      if (fields) {
        // Partial records stay out of the identity map and the loaders, where a later read in
        // this request (a write, an entity fetch by id) expects whole ones.
        return (await em.find(request.entity, where, { ...options, fields: [...fields, sortField] as never, disableIdentityMap: true })) as T[];
      }
      const found = (await em.find(request.entity, where, options)) as T[];
      prime(ctx, request.entity as never, found);
      return found;
    })());
  let total: Promise<number> | undefined;
  const page = async () => toPage(await loadRows(), first, list, sortField, 0);

  return {
    get edges() {
      return page().then((p) => p.edges);
    },
    get pageInfo() {
      return page().then((p) => p.pageInfo);
    },
    get totalCount() {
      return (total ??= (async () => {
        // Let the sibling fields be read first: if edges are wanted too, their rows are on the way.
        await new Promise((resolve) => setImmediate(resolve));
        // Rows already fetched for a first page that is not full are all there is.
        if (rows && !request.after && first > 0) {
          const fetched = await rows;
          if (fetched.length <= first) return fetched.length;
        }
        return em.count(request.entity, request.where as never);
      })());
    },
  };
}

function toPage<T>(rows: T[], first: number, list: string, sortField: keyof T & string, totalCount: number): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(list, String(node[sortField])), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * Pages rows already loaded (a batch loaded for many parents at once, e.g. every committee's
 * events in one query): same cursors and checks as `paginate`, no further query.
 */
export function paginateLoaded<T>(
  rows: readonly T[],
  request: {
    typeName: string;
    sortField: keyof T & string;
    descending?: boolean;
    /** What the order depends on besides the field (e.g. `query "bao chi"`): cursors of another scope are refused. */
    scope?: string;
    first?: number | null;
    after?: string | null;
  },
): Page<T> {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  checkFirst(first);
  const { sortField, descending = false } = request;
  const list = listIdentity(request.typeName, sortField, descending, request.scope);
  const key = (row: T) => String(row[sortField]);
  // Code-unit order, as MongoDB sorts strings, so both paths agree on cursors.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...rows].sort((a, b) => (descending ? compare(key(b), key(a)) : compare(key(a), key(b))));
  const after = request.after ? decodeCursor(request.after, list) : undefined;
  const rest = after === undefined ? sorted : sorted.filter((row) => (descending ? key(row) < after : key(row) > after));
  return toPage(rest.slice(0, first + 1), first, list, sortField, rows.length);
}

/**
 * A page of the records whose `field` holds the parent's key (a committee's events), batched
 * per plan step like `manyBy`. A batch of one parent, which is what an analyst's query about
 * one committee sends, asks the store for that page only: one sorted query with a limit, and a
 * count when `totalCount` is selected. At scale a committee has a thousand events and a page is
 * twenty. A batch of several parents loads all their records in one `$in` query and pages each
 * in memory, so many parents still cost one query. Both give the same pages and cursors.
 */
export function pagedBy<T extends { _id: string }>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  field: keyof T & string,
  request: { where: Filter; sortField: keyof T & string; descending?: boolean; first?: number | null; after?: string | null },
): DataLoader<string, LazyPage<T> | Page<T>> {
  const { where, sortField, descending = false, first, after } = request;
  return ctx.loaders.get(`${entity.name}#${field}#page#${JSON.stringify([where, sortField, descending, first ?? null, after ?? null])}`, () =>
    new DataLoader<string, LazyPage<T> | Page<T>>(async (keys) => {
      if (keys.length === 1) {
        // A fresh filter: MikroORM rewrites filter objects in place.
        const own = { $and: [{ [field]: keys[0] }, structuredClone(where)] };
        return [paginate(ctx, { entity, where: own, sortField, descending, first, after })];
      }
      // Lazy too: the parents' rows are loaded only when a page's edges are read, and a total
      // alone is a grouped count (one for all of them), so that `events { totalCount }` on 100
      // committees does not read their 15,000 events. Edges cost two queries for all the
      // parents: their rows' keys and sort values, paged here, then the pages' records whole.
      // Loading every row whole was 30 s of the store's time for 64 committees at scale 1.
      // A bad `first` or cursor is refused whichever fields are read, as for a single parent.
      checkFirst(first ?? DEFAULT_PAGE_SIZE);
      if (after) decodeCursor(after, listIdentity(entity.name, sortField, descending));
      // One wait for all the parents, so that their counts are asked in the same tick: one query.
      let siblings: Promise<unknown> | undefined;
      const siblingsRead = () => (siblings ??= new Promise((resolve) => setImmediate(resolve)));
      return keys.map((key): LazyPage<T> => {
        let loaded: Promise<Page<T>> | undefined;
        const page = () =>
          (loaded ??= manyBy(ctx, entity, field, { where: structuredClone(where), fields: [field, sortField] })
            .load(key)
            .then(async (keyed) => {
              const paged = paginateLoaded(keyed, { typeName: entity.name, sortField, descending, first, after });
              // Every parent's page asks in the same tick, so the id loader makes it one query.
              const whole = new Map((await existing(ctx, entity, paged.edges.map((edge) => edge.node._id))).map((row) => [row._id, row]));
              return { ...paged, edges: paged.edges.flatMap((edge) => (whole.has(edge.node._id) ? [{ cursor: edge.cursor, node: whole.get(edge.node._id)! }] : [])) };
            }));
        let total: Promise<number> | undefined;
        return {
          get edges() {
            return page().then((p) => p.edges);
          },
          get pageInfo() {
            return page().then((p) => p.pageInfo);
          },
          get totalCount() {
            return (total ??= (async () => {
              // Let the sibling fields be read first: if edges are wanted too, the rows tell the total.
              await siblingsRead();
              return loaded ? (await loaded).totalCount : countBy(ctx, entity, field, { where }).load(key);
            })());
          },
        };
      });
    }),
  );
}

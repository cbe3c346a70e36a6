import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, listIdentity, MAX_PAGE_SIZE, paginateLoaded } from './paging.js';

const rows = ['d', 'a', 'c', 'b', 'e'].map((key) => ({ key }));
const list = listIdentity('Row', 'key');

describe('paging loaded rows', () => {
  it('pages in order with cursors that continue where the last page ended', () => {
    const first = paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: 2 });
    expect(first.edges.map((edge) => edge.node.key)).toEqual(['a', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);
    const second = paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: 3, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.key)).toEqual(['c', 'd', 'e']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(list, 'e') });
  });

  it('pages descending', () => {
    expect(paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: 2, descending: true }).edges.map((edge) => edge.node.key)).toEqual(['e', 'd']);
  });

  it('tells the truth about a next page when asked for none', () => {
    const empty = paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo.hasNextPage).toBe(true);
    expect(paginateLoaded([], { typeName: 'Row', sortField: 'key', first: 0 }).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page larger than the maximum, naming the limit', () => {
    expect(() => paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: MAX_PAGE_SIZE + 1 })).toThrow(`first: must be at most ${MAX_PAGE_SIZE}`);
    expect(() => paginateLoaded(rows, { typeName: 'Row', sortField: 'key', first: -1 })).toThrow('first: must be 0 or more');
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeCursor('not-a-cursor', list)).toThrow('after: is not a cursor');
    expect(decodeCursor(encodeCursor(list, 'x y'), list)).toBe('x y');
  });

  it("refuses another list's cursor, naming both lists", () => {
    const other = encodeCursor(listIdentity('Person', 'sortKey'), 'nguyen-van-a');
    expect(() => decodeCursor(other, list)).toThrow('after: is a cursor of another list (Person.sortKey), not of this one (Row.key)');
    expect(() => paginateLoaded(rows, { typeName: 'Row', sortField: 'key', after: other })).toThrow('another list');
  });

  it('refuses a cursor of the same list ranked for another argument, naming both', () => {
    const page = paginateLoaded(rows, { typeName: 'Row', sortField: 'key', scope: 'query "lao"', first: 2 });
    expect(paginateLoaded(rows, { typeName: 'Row', sortField: 'key', scope: 'query "lao"', first: 2, after: page.pageInfo.endCursor }).edges.map((edge) => edge.node.key)).toEqual(['c', 'd']);
    expect(() => paginateLoaded(rows, { typeName: 'Row', sortField: 'key', scope: 'query "hue"', after: page.pageInfo.endCursor })).toThrow(
      'after: is a cursor of another list (Row.key for query "lao"), not of this one (Row.key for query "hue")',
    );
    expect(() => paginateLoaded(rows, { typeName: 'Row', sortField: 'key', after: page.pageInfo.endCursor })).toThrow('another list');
  });
});

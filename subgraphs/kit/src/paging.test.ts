import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, paginateLoaded } from './paging.js';

const rows = ['d', 'a', 'c', 'b', 'e'].map((key) => ({ key }));

describe('paging loaded rows', () => {
  it('pages in order with cursors that continue where the last page ended', () => {
    const first = paginateLoaded(rows, { sortField: 'key', first: 2 });
    expect(first.edges.map((edge) => edge.node.key)).toEqual(['a', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);
    const second = paginateLoaded(rows, { sortField: 'key', first: 3, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.key)).toEqual(['c', 'd', 'e']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('e') });
  });

  it('pages descending', () => {
    expect(paginateLoaded(rows, { sortField: 'key', first: 2, descending: true }).edges.map((edge) => edge.node.key)).toEqual(['e', 'd']);
  });

  it('refuses a page larger than the maximum, naming the limit', () => {
    expect(() => paginateLoaded(rows, { sortField: 'key', first: MAX_PAGE_SIZE + 1 })).toThrow(`first: must be at most ${MAX_PAGE_SIZE}`);
    expect(() => paginateLoaded(rows, { sortField: 'key', first: -1 })).toThrow('first: must be 0 or more');
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow('after: is not a cursor');
    expect(decodeCursor(encodeCursor('x y'))).toBe('x y');
  });
});

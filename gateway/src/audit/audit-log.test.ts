import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, variablesDigest, type AuditEntry } from './audit-log.js';
import { parseSince } from '../registry/registry-routes.js';

const entry: Omit<AuditEntry, 'hash'> = {
  _id: 1,
  prev: GENESIS,
  gateway: 'host:1:abc',
  at: new Date('2026-11-30T08:00:00.000Z'),
  subject: 'analyst',
  client: 'analyst',
  tokenId: null,
  operationType: 'mutation',
  operationName: 'Fix',
  operationHash: 'a'.repeat(64),
  variablesDigest: null,
  records: [{ subgraph: 'events', type: 'Event', id: 'e1', version: 2, action: 'update' }],
  outcome: 'ok',
  errorCodes: [],
  traceId: 'b'.repeat(32),
};

describe('entryHash', () => {
  it('changes with any field, and not with key order', () => {
    const hash = entryHash(entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...entry })).toBe(hash);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(entryHash(reordered)).toBe(hash);
    for (const change of [{ subject: 'intruder' }, { prev: 'f'.repeat(64) }, { _id: 2 }, { outcome: 'error' }, { records: [] }, { at: new Date('2026-11-30T08:00:00.001Z') }]) {
      expect(entryHash({ ...entry, ...change }), JSON.stringify(change)).not.toBe(hash);
    }
  });
});

describe('variablesDigest', () => {
  it('is the same whatever the key order, null without variables, different for other values', () => {
    expect(variablesDigest({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(variablesDigest({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(variablesDigest({ a: 1 })).not.toBe(variablesDigest({ a: 2 }));
    expect(variablesDigest(undefined)).toBeNull();
    expect(variablesDigest({})).toBeNull();
  });
});

describe('parseSince', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('takes dates, date-times and times back from now', () => {
    expect(parseSince('2026-11-29', now).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(parseSince('2026-11-29T08:30Z', now).toISOString()).toBe('2026-11-29T08:30:00.000Z');
    expect(parseSince('90m', now).toISOString()).toBe('2026-11-30T10:30:00.000Z');
    expect(parseSince('2d', now).toISOString()).toBe('2026-11-28T12:00:00.000Z');
  });
  it.each(['yesterday', '2026-13-45', '12', '-3d', '2026/11/30'])('refuses %s with a sentence', (raw) => {
    expect(() => parseSince(raw, now)).toThrow(`"since" must be a date (2026-11-30, 2026-11-30T08:00Z) or a time back from now (30m, 12h, 7d), got "${raw}".`);
  });
});

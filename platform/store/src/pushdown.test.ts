/**
 * What the embedded store answers from indexes (the hub's pushdown, ../pushdown), checked on a
 * real store: every answer is compared with the same query evaluated here by hand, so a
 * pushdown that loses or adds a document fails; and `explain` shows the plan SQLite runs, so a
 * query that falls back to reading the whole collection fails too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createLogger } from '@hub/core';
import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });
let tmp: string;
let store: EmbeddedStore;
let client: MongoClient;
let events: Collection<Document>;

interface Event {
  _id: string;
  kind: string;
  committeeIds: string[];
  descKey: string;
  day: string;
  n: number;
  archivedAt?: Date;
}

const KINDS = ['CONFERENCE', 'BRIEFING', 'REVIEW'];
const all: Event[] = Array.from({ length: 300 }, (_, i) => ({
  _id: `event-${String(i).padStart(3, '0')}`,
  kind: KINDS[i % 3]!,
  committeeIds: [`c-${i % 7}`, `c-${(i * 3) % 7}`],
  descKey: `k-${String(999 - i).padStart(3, '0')}`,
  day: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
  n: i % 50,
  ...(i % 11 === 0 ? { archivedAt: new Date(Date.UTC(2024, 0, 1 + i)) } : {}),
}));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-pushdown-'));
  store = await startEmbeddedStore({ dataDir: join(tmp, 'data'), port: 0, log });
  client = await MongoClient.connect(store.uri);
  events = client.db('pushdown').collection('events');
  // Half the documents before the indexes (the keys are built from them), half after (the
  // triggers keep them).
  await events.insertMany(all.slice(0, 150) as never[]);
  await events.createIndexes(['kind', 'committeeIds', 'descKey', 'day', 'n', 'archivedAt'].map((f) => ({ key: { [f]: 1 } })));
  await events.insertMany(all.slice(150) as never[]);
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  await rm(tmp, { recursive: true, force: true });
});

const ids = (docs: Document[]) => docs.map((d) => d._id as string);
const plan = async (filter: Document, sort?: Document, limit?: number, collection = events) => {
  let cursor = collection.find(filter);
  if (sort) cursor = cursor.sort(sort);
  if (limit) cursor = cursor.limit(limit);
  const explained = await cursor.explain();
  return {
    filter: explained.filterPushdown as boolean,
    sort: explained.sortPushdown as boolean,
    limit: explained.limitPushdown as boolean,
    steps: (explained.queryPlanner.Plan as string[]).map((line) => line.replace(/^.*detail=/, '')),
  };
};
/** No step reads the documents' table from end to end. */
const noFullScan = (steps: string[]) => steps.filter((s) => /^SCAN "?events_[0-9a-f]{8}"?$/.test(s));

describe('the embedded store answers from indexes', () => {
  it('finds by field equality, array member, $in and $all exactly as MongoDB matches them', async () => {
    const cases: Array<[Document, (e: Event) => boolean]> = [
      [{ kind: 'BRIEFING' }, (e) => e.kind === 'BRIEFING'],
      [{ committeeIds: 'c-3' }, (e) => e.committeeIds.includes('c-3')],
      [{ committeeIds: { $in: ['c-1', 'c-2'] } }, (e) => e.committeeIds.some((c) => c === 'c-1' || c === 'c-2')],
      [{ committeeIds: { $all: ['c-1', 'c-3'] } }, (e) => e.committeeIds.includes('c-1') && e.committeeIds.includes('c-3')],
      [{ $and: [{ committeeIds: { $in: ['c-4'] } }, { archivedAt: null }] }, (e) => e.committeeIds.includes('c-4') && !e.archivedAt],
      [{ n: { $gte: 10, $lt: 13 } }, (e) => e.n >= 10 && e.n < 13],
      [{ $and: [{ day: { $gte: '2015-01-01' } }, { day: { $lte: '2016-12-31' } }, { kind: 'REVIEW' }] }, (e) => e.day >= '2015-01-01' && e.day <= '2016-12-31' && e.kind === 'REVIEW'],
      [{ archivedAt: { $ne: null } }, (e) => Boolean(e.archivedAt)], // not pushed down: Go filters it
      [{ $or: [{ kind: 'REVIEW' }, { n: { $lt: 3 } }] }, (e) => e.kind === 'REVIEW' || e.n < 3],
      // The events filter's shape for "possibly on or after a day": a union with a superset branch.
      [{ $and: [{ archivedAt: null }, { $or: [{ day: { $gte: '2020-01-01' } }, { archivedAt: { $exists: false }, kind: 'BRIEFING' }] }] }, (e) => !e.archivedAt && (e.day >= '2020-01-01' || e.kind === 'BRIEFING')],
      [{ $or: [{ kind: 'REVIEW' }, { notIndexed: 1 }] }, (e) => e.kind === 'REVIEW'], // a branch SQL cannot narrow: not pushed down
      [{ archivedAt: { $exists: true } }, (e) => Boolean(e.archivedAt)],
      [{ archivedAt: { $exists: false } }, (e) => !e.archivedAt],
      [{ kind: 'nothing' }, () => false],
      [{ committeeIds: { $in: [] } }, () => false],
    ];
    for (const [filter, matches] of cases) {
      const expected = all.filter(matches).map((e) => e._id).sort();
      expect(ids(await events.find(filter).toArray()).sort(), JSON.stringify(filter)).toEqual(expected);
      expect(await events.countDocuments(filter), `count ${JSON.stringify(filter)}`).toBe(expected.length);
    }
  });

  it('looks up only the matching rows: key lookups, then documents by _id', async () => {
    for (const filter of [{ _id: 'event-007' }, { _id: { $in: ['event-007', 'event-009'] } }, { kind: 'BRIEFING' }, { $and: [{ committeeIds: { $in: ['c-1'] } }, { archivedAt: null }] }]) {
      const p = await plan(filter);
      expect(p.filter, JSON.stringify(filter)).toBe(true);
      expect(noFullScan(p.steps), `${JSON.stringify(filter)}: ${p.steps.join(' / ')}`).toEqual([]);
      expect(p.steps.some((s) => s.includes('__hub_id'))).toBe(true);
    }
  });

  it('reads the narrowest lookup and probes the others, instead of intersecting every lookup', async () => {
    // `archivedAt: null` matches nearly every document; one event in 21 is of committee c-4 and a briefing.
    const filter = { $and: [{ archivedAt: null }, { committeeIds: 'c-4' }, { kind: 'BRIEFING' }] };
    const p = await plan(filter);
    expect(p.filter).toBe(true);
    const steps = p.steps.join(' / ');
    expect(steps).not.toContain('INTERSECT');
    expect(steps).toContain('CORRELATED SCALAR SUBQUERY');
    const expected = all.filter((e) => !e.archivedAt && e.committeeIds.includes('c-4') && e.kind === 'BRIEFING').map((e) => e._id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await events.find(filter).toArray()).sort()).toEqual(expected);
    expect(await events.countDocuments(filter)).toBe(expected.length);
  });

  it('reads a sorted page from the sort index and stops at the limit', async () => {
    const p = await plan({ archivedAt: null }, { descKey: 1 }, 21);
    expect(p).toMatchObject({ filter: true, sort: true, limit: true });
    expect(p.steps.join(' / ')).toContain('__hub_sort_descKey');
    expect(p.steps.join(' / ')).not.toContain('TEMP B-TREE FOR ORDER BY');

    const expected = all.filter((e) => !e.archivedAt).sort((a, b) => (a.descKey < b.descKey ? -1 : 1)).slice(0, 21).map((e) => e._id);
    expect(ids(await events.find({ archivedAt: null }).sort({ descKey: 1 }).limit(21).toArray())).toEqual(expected);
    const descending = all.filter((e) => !e.archivedAt).sort((a, b) => (a.descKey > b.descKey ? -1 : 1)).slice(5, 15).map((e) => e._id);
    expect(ids(await events.find({ archivedAt: null }).sort({ descKey: -1 }).skip(5).limit(10).toArray())).toEqual(descending);
  });

  it('reads a sorted page of a wide $or from the sort index, probing each row instead of listing every match first', async () => {
    // The events filter's shape for "possibly on or after a day", matching most documents.
    const filter = { $and: [{ archivedAt: null }, { $or: [{ day: { $gte: '2015-01-01' } }, { day: { $exists: false }, kind: 'BRIEFING' }] }] };
    const p = await plan(filter, { descKey: -1 }, 11);
    expect(p).toMatchObject({ filter: true, sort: true, limit: true });
    const steps = p.steps.join(' / ');
    expect(steps).toContain('__hub_sort_descKey');
    expect(steps).not.toContain('LIST SUBQUERY');
    expect(steps).not.toContain('TEMP B-TREE');

    const expected = all.filter((e) => !e.archivedAt && e.day >= '2015-01-01').sort((a, b) => (a.descKey > b.descKey ? -1 : 1)).slice(0, 11).map((e) => e._id);
    expect(ids(await events.find(filter).sort({ descKey: -1 }).limit(11).toArray())).toEqual(expected);
  });

  it('starts a page deep in a sorted list at its cursor, in the sort index, and pages through every match', async () => {
    // An export's pages, and the newest-first lists: most documents match, and each page starts
    // after the last one's key.
    for (const direction of [1, -1] as const) {
      const page = (after?: string) => ({ $and: [{ archivedAt: null }, ...(after ? [{ descKey: { [direction === 1 ? '$gt' : '$lt']: after } }] : [])] });
      const p = await plan(page('k-900'), { descKey: direction }, 51);
      expect(p).toMatchObject({ filter: true, sort: true, limit: true });
      const steps = p.steps.join(' / ');
      expect(steps).toMatch(new RegExp(`SEARCH events_[0-9a-f]{8} USING INDEX events_[0-9a-f]{8}__hub_sort_descKey \\(<expr>=\\? AND <expr>${direction === 1 ? '>' : '<'}\\?\\)`));
      expect(steps).not.toContain('TEMP B-TREE');

      const expected = all.filter((e) => !e.archivedAt).sort((a, b) => direction * (a.descKey < b.descKey ? -1 : 1)).map((e) => e._id);
      const pages: string[] = [];
      let after: string | undefined;
      for (;;) {
        const rows = await events.find(page(after)).sort({ descKey: direction }).limit(51).toArray();
        pages.push(...ids(rows));
        if (rows.length < 51) break;
        after = rows.at(-1)!.descKey as string;
      }
      expect(pages, `direction ${direction}`).toEqual(expected);
    }
  });

  it('sorts a narrow filter after finding it, and cursor pages agree with the whole list', async () => {
    const filter = { $and: [{ kind: 'REVIEW' }, { committeeIds: { $in: ['c-2'] } }] };
    const expected = all
      .filter((e) => e.kind === 'REVIEW' && e.committeeIds.includes('c-2'))
      .sort((a, b) => (a.descKey < b.descKey ? -1 : 1))
      .map((e) => e._id);
    const pages: string[] = [];
    let after = '';
    for (;;) {
      const page = await events.find({ $and: [filter, { descKey: { $gt: after } }] }).sort({ descKey: 1 }).limit(7).toArray();
      pages.push(...ids(page));
      if (page.length < 7) break;
      after = page.at(-1)!.descKey as string;
    }
    expect(pages).toEqual(expected);
  });

  it('keeps the keys right through updates, deletes, and a collection dropped and made again', async () => {
    const scratch = client.db('pushdown').collection('scratch');
    await scratch.createIndex({ tags: 1 });
    await scratch.insertMany([{ _id: 'a' as never, tags: ['x', 'y'] }, { _id: 'b' as never, tags: 'x' }, { _id: 'c' as never }]);
    await scratch.insertMany([{ _id: 'n' as never, tags: null }, { _id: 'e' as never, tags: [] }, { _id: 'o' as never, tags: { x: 1 } }]);
    expect(ids(await scratch.find({ tags: 'x' }).toArray()).sort()).toEqual(['a', 'b']);
    expect(ids(await scratch.find({ tags: null }).toArray()).sort()).toEqual(['c', 'n']);
    expect(ids(await scratch.find({ tags: { $exists: false } }).toArray())).toEqual(['c']);
    expect(ids(await scratch.find({ tags: { $exists: true } }).toArray()).sort()).toEqual(['a', 'b', 'e', 'n', 'o']);
    expect(await scratch.countDocuments({ tags: { $exists: true } })).toBe(5);
    await scratch.deleteMany({ _id: { $in: ['n', 'e', 'o'] } as never });

    await scratch.updateOne({ _id: 'a' as never }, { $set: { tags: ['z'] } });
    await scratch.deleteOne({ _id: 'b' as never });
    expect(await scratch.countDocuments({ tags: 'x' })).toBe(0);
    expect(ids(await scratch.find({ tags: 'z' }).toArray())).toEqual(['a']);

    await scratch.drop();
    await scratch.insertOne({ _id: 'a' as never, tags: ['q'] });
    await scratch.createIndex({ tags: 1 });
    expect(await scratch.countDocuments({ tags: 'z' })).toBe(0);
    expect(await scratch.countDocuments({ tags: 'q' })).toBe(1);
  });

  it('adds the keys of an index made later without losing those of the earlier ones', async () => {
    const later = client.db('pushdown').collection('later');
    await later.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i as never, a: `a${i % 3}`, b: i % 5 })));
    await later.createIndex({ a: 1 });
    await later.createIndex({ b: 1 });
    await later.insertOne({ _id: 30 as never, a: 'a0', b: 0 });
    expect(await later.countDocuments({ a: 'a0', b: 0 })).toBe(3); // 0, 15 and 30
    await later.dropIndex('a_1');
    expect(await later.countDocuments({ a: 'a0', b: 0 })).toBe(3);
    expect((await plan({ b: 0 }, undefined, undefined, later)).filter).toBe(true);
  });

  it('aggregates over the fields a pipeline reads, with the answers of whole documents', async () => {
    const byKind = await events.aggregate([{ $match: { archivedAt: null } }, { $group: { _id: '$kind', count: { $sum: 1 } } }, { $sort: { _id: 1 } }]).toArray();
    const kinds = [...new Set(all.map((e) => e.kind))].sort();
    expect(byKind).toEqual(kinds.map((kind) => ({ _id: kind, count: all.filter((e) => !e.archivedAt && e.kind === kind).length })));

    const perCommittee = await events.aggregate([{ $match: { archivedAt: null } }, { $unwind: '$committeeIds' }, { $group: { _id: { c: '$committeeIds', event: '$_id' } } }]).toArray();
    const expected = all.filter((e) => !e.archivedAt).flatMap((e) => [...new Set(e.committeeIds)].map((c) => `${c}|${e._id}`)).sort();
    expect(perCommittee.map((g) => `${g._id.c}|${g._id.event}`).sort()).toEqual(expected);

    // A stage it does not know needs whole documents: still answered, from whole documents.
    const projected = await events.aggregate([{ $match: { _id: 'event-007' } }, { $project: { descKey: 1, kind: 1 } }]).toArray();
    expect(projected).toEqual([{ _id: 'event-007', descKey: all[7]!.descKey, kind: all[7]!.kind }]);
  });

  it('groups from the index keys only what they tell exactly: nulls, nested elements, arrays and other ids as MongoDB groups them', async () => {
    // Each shape the store may answer from its keys, on values where the keys alone would
    // mislead: a null element ($unwind keeps it), a document in an array (its own group), a value
    // repeated in one array (one pair), a scalar where others hold arrays, ObjectId ids.
    const tagged = client.db('pushdown').collection('tagged');
    const docs: Document[] = Array.from({ length: 40 }, (_, i) => ({
      _id: i % 2 ? `t-${i}` : (new ObjectId(i.toString(16).padStart(24, '0')) as never),
      kind: i % 9 === 0 ? null : i % 13 === 0 ? undefined : `k${i % 4}`,
      tags: i % 10 === 0 ? undefined : i % 7 === 0 ? 'solo' : [`a${i % 3}`, `a${i % 3}`, `b${i % 5}`],
      ...(i < 20 ? {} : { archivedAt: null }),
    }));
    docs[3]!.tags = ['a0', null];
    docs[5]!.tags = ['a1', { nested: true }]; // FerretDB stores no arrays in arrays
    await tagged.insertMany(docs.slice(0, 20) as never[]);
    await tagged.createIndexes(['kind', 'tags', 'archivedAt'].map((f) => ({ key: { [f]: 1 } })));
    await tagged.insertMany(docs.slice(20) as never[]);

    const unwound = (d: Document): unknown[] => (d.tags === undefined || d.tags === null ? [] : Array.isArray(d.tags) ? d.tags : [d.tags]);
    const key = (v: unknown) => JSON.stringify(v ?? null);
    const sorted = (rows: Document[]) => rows.map((row) => JSON.stringify(row)).sort();
    const distinct = (d: Document) => [...new Map(unwound(d).map((v) => [key(v), v])).values()];
    const countsOf = (values: unknown[]) => {
      const counts = new Map<string, [unknown, number]>();
      for (const v of values) counts.set(key(v), [v ?? null, (counts.get(key(v))?.[1] ?? 0) + 1]);
      return [...counts.values()].map(([v, count]) => ({ _id: v, count }));
    };

    for (const [name, selected] of [
      ['all', docs],
      ['listed', docs.filter((d) => d.archivedAt === null || d.archivedAt === undefined)],
      ['last half', docs.slice(20)],
    ] as const) {
      const match = { $match: name === 'all' ? {} : name === 'listed' ? { archivedAt: null } : { archivedAt: { $exists: true } } };
      const picked = name === 'last half' ? docs.slice(20) : selected;
      const ask = async (stages: Document[]) => sorted(await tagged.aggregate([match, ...stages]).toArray());

      // Documents per value of a scalar field (null and missing are one group), then of an array field (whole arrays).
      expect(await ask([{ $group: { _id: '$kind', count: { $sum: 1 } } }])).toEqual(sorted(countsOf(picked.map((d) => d.kind))));
      expect(await ask([{ $group: { _id: '$tags', count: { $sum: 1 } } }])).toEqual(sorted(countsOf(picked.map((d) => d.tags))));
      // Distinct (value, document) pairs, both orders, and documents per value.
      const pairs = picked.flatMap((d) => distinct(d).map((v) => ({ v, id: d._id })));
      expect(await ask([{ $unwind: '$tags' }, { $group: { _id: { v: '$tags', id: '$_id' } } }])).toEqual(sorted(pairs.map(({ v, id }) => ({ _id: { v, id } }))));
      expect(await ask([{ $unwind: '$tags' }, { $group: { _id: { id: '$_id', v: '$tags' } } }])).toEqual(sorted(pairs.map(({ v, id }) => ({ _id: { id, v } }))));
      expect(await ask([{ $unwind: '$tags' }, { $group: { _id: { id: '$_id', v: '$tags' } } }, { $group: { _id: '$_id.v', count: { $sum: 1 } } }])).toEqual(
        sorted(countsOf(pairs.map(({ v }) => v))),
      );
    }

    // Only string ids, no null and no nested element among the listed ones: what the keys answer alone.
    const plain = docs.filter((_, i) => i % 2 === 1 && i !== 3 && i !== 5);
    const only = { $match: { _id: { $in: plain.map((d) => d._id) } } };
    const byPairs = await tagged.aggregate([only, { $unwind: '$tags' }, { $group: { _id: { v: '$tags', id: '$_id' } } }]).toArray();
    expect(sorted(byPairs)).toEqual(sorted(plain.flatMap((d) => distinct(d).map((v) => ({ _id: { v, id: d._id } })))));
  });

  it('decodes only what a projection keeps, and all but _id for {_id: 0}', async () => {
    const whole = all[12]!;
    const { _id, ...rest } = JSON.parse(JSON.stringify(whole)) as Event;
    const find = (projection: Document) => events.find({ _id: whole._id as never }, { projection }).toArray();
    expect(await find({ kind: 1 })).toEqual([{ _id, kind: whole.kind }]);
    expect(await find({ kind: 1, n: 1, _id: 0 })).toEqual([{ kind: whole.kind, n: whole.n }]);
    expect(JSON.parse(JSON.stringify(await find({ _id: 0 })))).toEqual([rest]);
    expect(JSON.parse(JSON.stringify(await find({ kind: 0 })))).toEqual([{ _id, ...rest, kind: undefined }].map((d) => JSON.parse(JSON.stringify(d))));
    // Filtered on a field the projection leaves out: still filtered on it.
    expect(await events.find({ kind: whole.kind, n: whole.n }, { projection: { descKey: 1 } }).toArray()).toContainEqual({ _id, descKey: whole.descKey });
  });

  it('drops the sort index of a field once it holds arrays or documents, and answers as before', async () => {
    // Read from the store's SQLite file: what indexes exist is not visible through MongoDB's API.
    const sortIndexes = (collection: string) => {
      const db = new DatabaseSync(join(tmp, 'data', 'pushdown.sqlite'), { readOnly: true });
      try {
        const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`).all() as Array<{ name: string }>;
        const sortIndex = new RegExp(`^${collection}_[0-9a-f]{8}__hub_sort_(.+)$`);
        return rows.flatMap((row) => sortIndex.exec(row.name)?.slice(1) ?? []);
      } finally {
        db.close();
      }
    };
    const unsortable = client.db('pushdown').collection('unsortable');
    // Indexed while empty, as the subgraphs do at start-up: every field gets a sort index.
    await unsortable.createIndexes([{ key: { tags: 1 } }, { key: { day: 1 } }]);
    expect(sortIndexes('unsortable')).toEqual(['day', 'tags']);
    await unsortable.insertMany([{ _id: 'a' as never, tags: ['x', 'y'], day: '2020' }, { _id: 'b' as never, tags: ['z'], day: '2019' }, { _id: 'c' as never, tags: 'w', day: '2021' }]);
    expect(sortIndexes('unsortable')).toEqual(['day']);
    // MongoDB's order of arrays: by their smallest element ascending, by their largest descending.
    expect(ids(await unsortable.find({}).sort({ tags: 1 }).toArray())).toEqual(['c', 'a', 'b']);
    expect(ids(await unsortable.find({}).sort({ tags: -1 }).toArray())).toEqual(['b', 'a', 'c']);
    expect(ids(await unsortable.find({ tags: 'y' }).toArray())).toEqual(['a']);
    expect((await plan({ tags: 'y' }, undefined, undefined, unsortable)).filter).toBe(true);
    expect(await plan({}, { day: 1 }, 2, unsortable)).toMatchObject({ sort: true, limit: true });
    expect(ids(await unsortable.find({}).sort({ day: 1 }).limit(2).toArray())).toEqual(['b', 'a']);
    // An update that makes a field unsortable drops its index too.
    await unsortable.updateOne({ _id: 'b' as never }, { $set: { day: { year: 2019 } } });
    expect(sortIndexes('unsortable')).toEqual([]);
    expect((await plan({}, { day: 1 }, undefined, unsortable)).sort).toBe(false);
    // Strings before documents.
    expect(ids(await unsortable.find({}).sort({ day: 1 }).toArray())).toEqual(['a', 'c', 'b']);
  });

  it('sorts in Go, correctly, when a value cannot be ordered in SQL', async () => {
    const mixed = client.db('pushdown').collection('mixed');
    await mixed.createIndex({ v: 1 });
    await mixed.insertMany([{ _id: 1 as never, v: 'b' }, { _id: 2 as never, v: [3, 'a'] }, { _id: 3 as never, v: 2 }, { _id: 4 as never }, { _id: 5 as never, v: true }]);
    expect((await plan({}, { v: 1 }, undefined, mixed)).sort).toBe(false);
    // MongoDB's order: missing, numbers (an array by its smallest element), strings, booleans.
    expect(ids(await mixed.find({}).sort({ v: 1 }).toArray())).toEqual([4, 3, 2, 1, 5]);
  });
});

/**
 * What the embedded store can answer without decoding a whole collection, as its `explain`
 * reports it. FerretDB 1.24 on SQLite pushes only `_id` equality down to SQLite; every other
 * filter (`$in`, array members, `$and`, ranges) and every sort is applied in Go after decoding
 * each document of the collection. The kit's id loader relies on the first line (one id is asked
 * as an equality); if a FerretDB upgrade pushes more down, these expectations say so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });
let tmp: string;
let store: EmbeddedStore;
let client: MongoClient;
let events: Collection<Document>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-pushdown-'));
  store = await startEmbeddedStore({ dataDir: join(tmp, 'data'), port: 0, log });
  client = await MongoClient.connect(store.uri);
  events = client.db('pushdown').collection('events');
  await events.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `event-${i}` as never, kind: i % 2 ? 'BRIEFING' : 'CONFERENCE', committeeIds: [`c-${i % 5}`], descKey: `k-${i}` })));
  await events.createIndexes([{ key: { kind: 1 } }, { key: { committeeIds: 1 } }, { key: { descKey: 1 }, unique: true }]);
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  await rm(tmp, { recursive: true, force: true });
});

const pushed = async (filter: Document, sort?: Document) => {
  const plan = await (sort ? events.find(filter).sort(sort) : events.find(filter)).explain();
  return { filter: plan.filterPushdown as boolean, sort: plan.sortPushdown as boolean };
};

describe('the embedded store (FerretDB 1.24 on SQLite)', () => {
  it('answers an _id equality in SQLite, without decoding the collection', async () => {
    expect(await pushed({ _id: 'event-7' })).toMatchObject({ filter: true });
    expect(await events.find({ _id: 'event-7' as never }).toArray()).toHaveLength(1);
  });

  it('decodes the whole collection for anything else: $in, array members, field equality, sorts', async () => {
    expect(await pushed({ _id: { $in: ['event-7'] } })).toMatchObject({ filter: false });
    expect(await pushed({ committeeIds: 'c-1' })).toMatchObject({ filter: false });
    expect(await pushed({ kind: 'BRIEFING' })).toMatchObject({ filter: false });
    expect(await pushed({}, { descKey: 1 })).toMatchObject({ sort: false });
  });
});

/**
 * Large write commands on a real store. FerretDB 1.24 kept each statement's query open until an
 * update command ended, so one command of 100 statements held every connection of the database's
 * pool and waited forever for one more, and, the store passing writes one at a time, so did
 * every write after it (ferretdb.patch, msg_update.go). The hub sends such commands itself: a
 * start that gives stored records a new derived field updates them 200 at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });
let tmp: string;
let store: EmbeddedStore;
let client: MongoClient;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hub-store-bulk-'));
  store = await startEmbeddedStore({ dataDir: join(tmp, 'data'), port: 0, log });
  client = await MongoClient.connect(store.uri);
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  await rm(tmp, { recursive: true, force: true });
});

describe('large write commands', () => {
  it('applies an update command of 300 statements, and writes go on after it', { timeout: 120_000 }, async () => {
    const records = client.db('bulk').collection<{ _id: string; n: number; version: number; seen?: boolean }>('records');
    await records.createIndex({ version: 1 });
    await records.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: `r-${String(i).padStart(3, '0')}`, n: i, version: 1 })));

    const result = await records.bulkWrite(
      Array.from({ length: 300 }, (_, i) => ({ updateOne: { filter: { _id: `r-${String(i).padStart(3, '0')}`, version: 1 }, update: { $set: { seen: true }, $inc: { version: 1 } } } })),
      { ordered: false },
    );
    expect(result.modifiedCount).toBe(300);
    expect(await records.countDocuments({ seen: true, version: 2 })).toBe(300);

    // The next writes are not stuck behind it.
    await records.insertOne({ _id: 'after', n: -1, version: 1 });
    const deleted = await records.deleteMany({ n: { $lt: 10 } });
    expect(deleted.deletedCount).toBe(11);
  });
});

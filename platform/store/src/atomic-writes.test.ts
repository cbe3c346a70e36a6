/**
 * Concurrent writers through the plain driver, as any client of the embedded store would send
 * them (the subgraphs, the seed, a partner's or an operator's own tool). FerretDB 1.x alone
 * loses all but a few of these: 200 concurrent `$inc`s ended at 11, and concurrent updates of
 * different fields of one document overwrote each other.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@hub/core';
import { MongoClient, type Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from './index.js';

const log = createLogger('store', { level: 'warn', format: 'pretty' });

// The front serialises writes whatever FerretDB keeps the data in.
describe.each(['sqlite', 'postgresql'] as const)('the embedded store on %s applies concurrent writes atomically', (backend) => {
  let tmp: string;
  let store: EmbeddedStore;
  let client: MongoClient;
  let records: Collection<{ _id: string } & Record<string, any>>;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hub-store-atomic-'));
    // As root, PostgreSQL runs as an account that must be able to enter the folder (mkdtemp: 0700).
    await chmod(tmp, 0o755);
    store = await startEmbeddedStore({ dataDir: join(tmp, 'data'), backend, port: 0, log });
    // A pool as large as the concurrency, so the writes really do arrive at the same time.
    client = await MongoClient.connect(store.uri, { maxPoolSize: 100 });
    records = client.db('atomic').collection('records');
    await client.db('atomic').createCollection('records');
  });

  afterAll(async () => {
    await client?.close();
    await store?.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('counts every one of 200 concurrent $inc on one document', async () => {
    await records.insertOne({ _id: 'counter', count: 0 });
    const results = await Promise.all(Array.from({ length: 200 }, () => records.updateOne({ _id: 'counter' }, { $inc: { count: 1 } })));
    expect(results.every((result) => result.modifiedCount === 1)).toBe(true);
    expect(await records.findOne({ _id: 'counter' })).toEqual({ _id: 'counter', count: 200 });
  });

  it('keeps all of 50 concurrent updates of different fields of one record', async () => {
    await records.insertOne({ _id: 'record', title: 'unchanged' });
    await Promise.all(Array.from({ length: 50 }, (_, i) => records.updateOne({ _id: 'record' }, { $set: { [`field${i}`]: i } })));
    const stored = await records.findOne({ _id: 'record' });
    expect(stored).toEqual({ _id: 'record', title: 'unchanged', ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, i])) });
  });

  it('lets exactly one of 100 concurrent compare-and-set updates win', async () => {
    await records.insertOne({ _id: 'versioned', version: 1, owner: null });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => records.updateOne({ _id: 'versioned', version: 1 }, { $set: { owner: i }, $inc: { version: 1 } })),
    );
    expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(1);
    expect(await records.findOne({ _id: 'versioned' })).toMatchObject({ version: 2 });
  });

  it('hands out every value of a findOneAndUpdate counter once', async () => {
    await records.insertOne({ _id: 'sequence', next: 0 });
    const taken = await Promise.all(
      Array.from({ length: 100 }, () => records.findOneAndUpdate({ _id: 'sequence' }, { $inc: { next: 1 } }, { returnDocument: 'after' })),
    );
    const values = taken.map((document) => document?.next as number).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('stores one of many concurrent inserts of the same key and refuses the rest as duplicates', async () => {
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => records.insertOne({ _id: 'unique', attempt: i })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused).toHaveLength(29);
    expect(refused.every((result) => (result.reason as { code?: number }).code === 11000)).toBe(true);
  });

  it('still serves reads while writes queue', async () => {
    await records.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: `row-${i}`, n: i })));
    const [writes, reads] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, (_, i) => records.updateOne({ _id: `row-${i % 20}` }, { $inc: { n: 100 } }))),
      Promise.all(Array.from({ length: 50 }, () => records.countDocuments({ _id: { $regex: '^row-' } }))),
    ]);
    expect(writes).toHaveLength(50);
    expect(reads.every((count) => count === 20)).toBe(true);
  });
});

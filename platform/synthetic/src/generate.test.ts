/**
 * Writing the data set into a real embedded store: idempotent, resumable, and never over
 * records it did not generate unless forced.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hub/core';
import { startEmbeddedStore, type EmbeddedStore } from '@hub/store';
import { generateDataset, GenerateRefusal, type Targets } from './generate.js';

const log = createLogger('test', { level: 'warn', format: 'json' });
let dir: string;
let store: EmbeddedStore;
let client: MongoClient;

const targets = (prefix: string): Targets => ({
  organization: { uri: store.uri, dbName: `${prefix}_organization` },
  events: { uri: store.uri, dbName: `${prefix}_events` },
  knowledge: { uri: store.uri, dbName: `${prefix}_knowledge` },
});

/** Everything stored in the data set's databases, in _id order: equal when the data is. */
async function storedDigest(t: Targets): Promise<string> {
  const hash = createHash('sha256');
  for (const { dbName } of Object.values(t)) {
    const db = client.db(dbName);
    for (const { name } of (await db.listCollections({}, { nameOnly: true }).toArray()).sort((a, b) => a.name.localeCompare(b.name))) {
      for (const document of await db.collection(name).find({}).sort({ _id: 1 }).toArray()) hash.update(`${dbName}.${name} ${JSON.stringify(document)}\n`);
    }
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-synthetic-'));
  store = await startEmbeddedStore({ dataDir: dir, port: 0, log });
  client = await new MongoClient(store.uri).connect();
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('generateDataset', () => {
  it('writes the data set once: a second run writes nothing, an interrupted one is finished', async () => {
    const t = targets('a');
    const first = await generateDataset({ scale: 0.01, seed: 3, targets: t, log });
    expect(first.outcome).toBe('generated');
    expect(first.inserted).toBe(first.records);
    expect(await client.db('a_events').collection('events').countDocuments()).toBe(150);
    expect(await client.db('a_organization').collection('people').countDocuments({ synthetic: true })).toBe(50);
    const written = await storedDigest(t);

    const again = await generateDataset({ scale: 0.01, seed: 3, targets: t, log });
    expect(again).toMatchObject({ outcome: 'unchanged', inserted: 0, digest: first.digest });
    expect(await storedDigest(t)).toBe(written);

    // An interruption: part of the events never arrived and the manifest says incomplete.
    const events = client.db('a_events').collection('events');
    await events.deleteMany({ _id: { $in: ['synthetic-event-000002', 'synthetic-event-000100', 'synthetic-event-000150'] } } as never);
    await client.db('a_events').collection('synthetic_manifest').updateOne({ _id: 'dataset' } as never, { $set: { complete: false } });
    const resumed = await generateDataset({ scale: 0.01, seed: 3, targets: t, log });
    expect(resumed).toMatchObject({ outcome: 'resumed', inserted: 3, digest: first.digest });
    expect(await storedDigest(t)).toBe(written);
  });

  it('has the indexes the subgraphs declare', async () => {
    const indexes = (await client.db('a_events').collection('events').indexes()).map((index) => Object.keys(index.key).join(','));
    expect(indexes).toEqual(expect.arrayContaining(['committeeIds', 'searchTokens', 'ascKey', 'descKey']));
  });

  it('leaves a complete data set and records added to it as they are, without searching them', async () => {
    const people = client.db('a_organization').collection('people');
    await people.insertOne({ _id: 'added-through-the-api', fullName: 'Nguyễn Văn A' } as never);
    const again = await generateDataset({ scale: 0.01, seed: 3, targets: targets('a'), log });
    expect(again).toMatchObject({ outcome: 'unchanged', inserted: 0 });
    expect(await people.countDocuments({ _id: 'added-through-the-api' } as never)).toBe(1);
  });

  it('refuses databases holding records it did not generate, naming them, and leaves them as they are; --force replaces them', async () => {
    const t = targets('b');
    await client.db('b_events').collection('events').insertOne({ _id: 'a-real-event', title: 'Giao ban' } as never);
    const refused = await generateDataset({ scale: 0.01, seed: 1, targets: t, log }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GenerateRefusal);
    expect((refused as Error).message).toContain('b_events.events holds 1 record that is not synthetic (e.g. "a-real-event")');
    expect(await client.db('b_events').collection('events').find({}).toArray()).toEqual([{ _id: 'a-real-event', title: 'Giao ban' }]);
    expect((await client.db('b_organization').listCollections().toArray()).length).toBe(0);

    const forced = await generateDataset({ scale: 0.01, seed: 1, force: true, targets: t, log });
    expect(forced.outcome).toBe('generated');
    expect(await client.db('b_events').collection('events').countDocuments({ _id: 'a-real-event' } as never)).toBe(0);
    expect(await client.db('b_events').collection('events').countDocuments()).toBe(150);
  });

  it('refuses another scale or seed over a data set, unless forced', async () => {
    const refused = await generateDataset({ scale: 0.01, seed: 4, targets: targets('a'), log }).catch((error: unknown) => error);
    expect((refused as Error).message).toContain('a_events holds another synthetic data set (scale 0.01, seed 3');
    const forced = await generateDataset({ scale: 0.01, seed: 4, force: true, targets: targets('a'), log });
    expect(forced.outcome).toBe('generated');
  });
});

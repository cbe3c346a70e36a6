/**
 * Writing the synthetic data set into its own databases, fast and safely.
 *
 * - Refuses databases that hold anything not generated (a record without `synthetic: true`), or
 *   another data set (another scale or seed), unless forced; then it names what it replaces.
 * - Bulk inserts, unordered, in batches, into collections already indexed, two commands in
 *   flight: the next batch is built and sent while the store writes the last.
 * - Idempotent and resumable: each database keeps a manifest (`synthetic_manifest`) saying which
 *   data set it holds and whether it is complete. A complete one is left as it is; an interrupted
 *   one is finished (records already there are skipped by their ids, which never change).
 */
import { createHash } from 'node:crypto';
import { MongoClient, MongoBulkWriteError, type Db } from 'mongodb';
import { guardMongoDriverWrites, type Logger } from '@hub/core';
import { openDatabase } from '@hub/kit';
import { organization } from '@hub/organization';
import { events } from '@hub/events';
import { knowledge } from '@hub/knowledge';
import { syntheticDataset, type SubgraphName } from './dataset.js';

/** Bumped when the generator's output changes, so an older data set is not taken for this one. */
export const GENERATOR_VERSION = 3; // 2: records carry changedAt; 3: events carry participantCommitteeIds
const MANIFEST = 'synthetic_manifest';
const BATCH = 1000;
const IN_FLIGHT = 2;
const SUBGRAPHS = { organization, events, knowledge } as const;

export type Targets = Record<SubgraphName, { uri: string; dbName: string }>;

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** Replace whatever the databases hold (real records, another data set). */
  force?: boolean;
  targets: Targets;
  log: Logger;
  /** Called after each batch: records written or found so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  outcome: 'generated' | 'resumed' | 'unchanged';
  scale: number;
  seed: number;
  databases: string[];
  /** Stored documents of the data set (people, positions, events, documents, …). */
  records: number;
  /** Participants embedded in the events. */
  participations: number;
  inserted: number;
  /** Records found already written (an interrupted run being finished). */
  alreadyThere: number;
  /** Per collection: how many records. */
  collections: Record<string, number>;
  seconds: number;
  recordsPerSecond: number;
  /** SHA-256 of every generated document in order: equal for equal (scale, seed). */
  digest: string;
}

/** A refusal the user can act on: what would be overwritten, and how to go ahead anyway. */
export class GenerateRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(`refusing to write the synthetic data set: ${problems.join('; ')}. Nothing was written; pass --force to replace the contents of these databases.`);
  }
}

interface Manifest {
  _id: 'dataset';
  scale: number;
  seed: number;
  generatorVersion: number;
  complete: boolean;
}

/**
 * What in the target databases is not this data set: non-synthetic records, another data set.
 *
 * A database whose manifest names this very data set is not searched for records that are not
 * synthetic: the run then only adds the generated records it lacks, by id, and overwrites
 * nothing. The search reads every stored document (the embedded store cannot use an index for
 * `$ne`), which at scale 1 cost a re-run or a resume about as much as writing the data set.
 */
async function inspect(dbs: Array<{ db: Db; name: string }>, scale: number, seed: number) {
  const problems: string[] = [];
  const manifests: Array<Manifest | null> = [];
  for (const { db, name } of dbs) {
    const manifest = (await db.collection<Manifest>(MANIFEST).findOne({ _id: 'dataset' })) ?? null;
    manifests.push(manifest);
    if (manifest && manifest.scale === scale && manifest.seed === seed && manifest.generatorVersion === GENERATOR_VERSION) continue;
    if (manifest) problems.push(`${name} holds another synthetic data set (scale ${manifest.scale}, seed ${manifest.seed}, generator ${manifest.generatorVersion})`);
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (collection === MANIFEST) continue;
      // One pass for the count and an example.
      const real = await db.collection(collection).find({ synthetic: { $ne: true } }, { projection: { _id: 1 } }).toArray();
      if (real.length > 0) {
        problems.push(`${name}.${collection} holds ${real.length} record${real.length === 1 ? '' : 's'} that ${real.length === 1 ? 'is' : 'are'} not synthetic (e.g. "${String(real[0]!._id)}")`);
      }
    }
  }
  return { problems, manifests };
}

/**
 * Whether every record of a batch is stored already (by id). An insert that meets a duplicate
 * makes the store try each of its documents alone, so finishing an interrupted scale 1 spent
 * most of its time sending back, one by one, the records written before the interruption.
 */
async function allThere(db: Db, collection: string, documents: Array<Record<string, unknown>>): Promise<boolean> {
  return (await db.collection(collection).countDocuments({ _id: { $in: documents.map((d) => d._id) } } as never)) === documents.length;
}

/** Inserts a batch, unordered; records already there (same id) are counted, not errors. */
async function insertBatch(db: Db, collection: string, documents: Array<Record<string, unknown>>): Promise<number> {
  try {
    const result = await db.collection(collection).insertMany(documents as never[], { ordered: false });
    return result.insertedCount;
  } catch (error) {
    if (error instanceof MongoBulkWriteError) {
      const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (errors.every((e) => e.code === 11000)) return error.insertedCount;
    }
    throw error;
  }
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const { scale, seed, targets, log } = options;
  const started = performance.now();
  const names = Object.keys(SUBGRAPHS) as SubgraphName[];
  guardMongoDriverWrites(); // a batch must not wait for ever on a store that died mid-write
  const clients = new Map<string, MongoClient>();
  const client = async (uri: string) => {
    if (!clients.has(uri)) clients.set(uri, await new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 }).connect());
    return clients.get(uri)!;
  };
  try {
    const dbs = await Promise.all(names.map(async (name) => ({ subgraph: name, name: targets[name].dbName, db: (await client(targets[name].uri)).db(targets[name].dbName) })));
    const { problems, manifests } = await inspect(dbs, scale, seed);
    if (problems.length > 0 && !options.force) throw new GenerateRefusal(problems);
    const dataset = syntheticDataset(scale, seed);
    const total = dataset.reduce((sum, c) => sum + c.count, 0);
    const upToDate = problems.length === 0 && manifests.every((m) => m?.complete);
    if (problems.length > 0) {
      for (const { db, name } of dbs) {
        log.warn(`--force: dropping database ${name} before writing the synthetic data set`, { replaced: problems.filter((p) => p.startsWith(name)).join('; ') || 'nothing of note' });
        await db.dropDatabase();
      }
    }
    // The subgraphs' own start-up makes the collections and their indexes (the kit skips what
    // exists), before the data: the embedded store (SQLite) reads an inserted document's JSON once
    // for all its index expressions in the INSERT, where an index made afterwards reads every
    // stored document again, once per index (15 on events). Measured at scale 1, events alone:
    // 20 s of the store's CPU into indexed collections, 27 s for data then indexes; and the
    // progress bar's ETA no longer ends at 0 s with the indexes still to make.
    for (const name of names) {
      const database = await openDatabase({ uri: targets[name].uri, dbName: targets[name].dbName, entities: SUBGRAPHS[name].entities, log: log.child(name) });
      await database.close();
    }
    const manifest = { scale, seed, generatorVersion: GENERATOR_VERSION };
    if (!upToDate) for (const { db } of dbs) await db.collection<Manifest>(MANIFEST).replaceOne({ _id: 'dataset' }, { ...manifest, complete: false }, { upsert: true });

    // Databases that may hold records of this data set already: those with its manifest (an
    // interrupted run), unless just dropped by --force.
    const mayBeThere = new Set(problems.length > 0 ? [] : dbs.filter((_, i) => manifests[i]).map((d) => d.db));
    const hash = createHash('sha256');
    const collections: Record<string, number> = {};
    let done = 0;
    let inserted = 0;
    let participations = 0;
    // Up to IN_FLIGHT insert commands at once, across collections: the store takes them one at a
    // time (its front lets one write through), so with one only it sat idle while Node built and
    // serialised the next batch (about a fifth of each events batch); with two the next one is
    // already waiting at the lock when the last one ends.
    const inFlight: Array<Promise<void>> = [];
    const submit = async (db: Db, collection: string, documents: Array<Record<string, unknown>>) => {
      // Asked before the queue, so the inserts still reach the store in the data set's order.
      const skip = !upToDate && mayBeThere.has(db) && (await allThere(db, collection, documents));
      while (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      const write = (upToDate || skip ? Promise.resolve(0) : insertBatch(db, collection, documents)).then((count) => {
        inserted += count;
        done += documents.length;
        options.onProgress?.(done, total);
      });
      write.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      inFlight.push(write);
    };
    try {
      for (const part of dataset) {
        const db = dbs.find((d) => d.subgraph === part.subgraph)!.db;
        let batch: Array<Record<string, unknown>> = [];
        for (const document of part.documents()) {
          hash.update(JSON.stringify(document));
          hash.update('\n');
          if (Array.isArray(document.participants)) participations += document.participants.length;
          batch.push(document);
          if (batch.length >= BATCH) {
            await submit(db, part.collection, batch);
            batch = [];
          }
        }
        if (batch.length > 0) await submit(db, part.collection, batch);
        collections[`${targets[part.subgraph].dbName}.${part.collection}`] = part.count;
      }
      while (inFlight.length > 0) await inFlight.shift();
    } finally {
      // On a failure, let the other command in flight end before the clients close.
      await Promise.allSettled(inFlight);
    }
    if (!upToDate) for (const { db } of dbs) await db.collection<Manifest>(MANIFEST).replaceOne({ _id: 'dataset' }, { ...manifest, complete: true }, { upsert: true });
    const seconds = (performance.now() - started) / 1000;
    const alreadyThere = upToDate ? total : total - inserted;
    return {
      outcome: upToDate ? 'unchanged' : alreadyThere > 0 ? 'resumed' : 'generated',
      scale,
      seed,
      databases: dbs.map((d) => d.name),
      records: total,
      participations,
      inserted: upToDate ? 0 : inserted,
      alreadyThere,
      collections,
      seconds,
      recordsPerSecond: Math.round(total / seconds),
      digest: hash.digest('hex'),
    };
  } finally {
    for (const c of clients.values()) await c.close().catch(() => undefined);
  }
}

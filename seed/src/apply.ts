import { openDatabase, writeSeedRecords, type SeedWriteResult } from '@hub/kit';
import type { Logger } from '@hub/core';
import { facts as allFacts, type Facts } from './facts/index.js';
import { SEED_PLAN } from './records.js';
import { validateFacts } from './validate.js';

/** Where each subgraph's database is. */
export type SeedTargets = Record<string, { uri: string; dbName: string }>;

export interface SeedOptions {
  targets: SeedTargets;
  log: Logger;
  /** Drop the hub's databases (after saying what is in them) and load the seed afresh. */
  reset?: boolean;
  facts?: Facts;
}

/**
 * Validates the whole seed, then writes it subgraph by subgraph. Safe to run at every start:
 * a second run changes nothing, and records edited through the API are kept.
 */
export async function applySeed(options: SeedOptions): Promise<SeedWriteResult[]> {
  const facts = options.facts ?? allFacts;
  validateFacts(facts);
  const results: SeedWriteResult[] = [];
  for (const { subgraph, collections } of SEED_PLAN) {
    const target = options.targets[subgraph.name];
    if (!target) throw new Error(`no database given for the ${subgraph.name} subgraph`);
    const log = options.log.child(subgraph.name);
    let database = await openDatabase({ uri: target.uri, dbName: target.dbName, entities: subgraph.entities, log });
    try {
      if (options.reset) {
        const db = database.orm.em.getConnection().getDb();
        const contents = await Promise.all(
          (await db.listCollections().toArray()).map(async ({ name }) => `${name}: ${await db.collection(name).countDocuments()}`),
        );
        log.warn(`dropping database ${target.dbName}`, { contents: contents.join(', ') || 'empty' });
        await db.dropDatabase();
        await database.close();
        database = await openDatabase({ uri: target.uri, dbName: target.dbName, entities: subgraph.entities, log });
      }
      for (const collection of collections) {
        const result = await writeSeedRecords(database.orm.em.fork(), collection.entity, collection.records(facts));
        log.debug('seeded', { ...result });
        results.push(result);
      }
    } finally {
      await database.close();
    }
  }
  const total = (key: 'records' | 'inserted' | 'updated' | 'kept' | 'rederived') => results.reduce((sum, r) => sum + r[key], 0);
  options.log.info(`seed applied: ${total('records')} records, ${total('inserted')} new, ${total('updated')} updated, ${total('kept')} kept as edited, ${total('rederived')} edited or added records' search tokens and keys recomputed`);
  return results;
}

import { MikroORM } from '@mikro-orm/mongodb';
import type { Logger } from '@hub/core';

/** Database commands this process has sent, by command name (read by /metrics and the tests). */
export type CommandCounts = Map<string, number>;

export interface Database {
  readonly orm: MikroORM;
  readonly commands: CommandCounts;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  uri: string;
  dbName: string;
  entities: Function[];
  log: Logger;
}

/**
 * Creates missing collections one at a time. MikroORM creates them all at once; FerretDB's
 * SQLite backend has been seen to hang on concurrent creates in a fresh database.
 */
async function ensureCollections(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const existing = new Set(await connection.listCollections());
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || !meta.collection || existing.has(meta.collection)) continue;
    await connection.createCollection(meta.class);
    existing.add(meta.collection);
  }
}

/**
 * Gives version 1 to records stored before records had versions, so that every update's
 * version condition can match them. A no-op (one command per collection) once done.
 */
async function versionUnversioned(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || !meta.collection || !meta.versionProperty) continue;
    await connection.getCollection(meta.collection).updateMany({ [meta.versionProperty]: { $exists: false } }, { $set: { [meta.versionProperty]: 1 } });
  }
}

/** Hides a connection string's password before it goes into a log or an error. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/**
 * Connects MikroORM to the subgraph's own database and makes its indexes. Connecting here, not
 * on first use, means a wrong URI stops the process at start-up with a message saying so.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const orm = await MikroORM.init({
    clientUrl: options.uri,
    dbName: options.dbName,
    entities: options.entities,
    // Command monitoring lets us count what each request costs; it is cheap (an event per command).
    driverOptions: { monitorCommands: true, serverSelectionTimeoutMS: 10_000 },
    allowGlobalContext: false,
    debug: false,
    logger: (message) => options.log.debug(message),
  });
  try {
    await orm.connect();
    await orm.em.getConnection().getDb().command({ ping: 1 });
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw new Error(`cannot reach MongoDB at ${redactUri(options.uri)} (database ${options.dbName}): ${(error as Error).message}`);
  }
  const commands: CommandCounts = new Map();
  orm.em.getConnection().getClient().on('commandStarted', (event: { commandName: string }) => {
    commands.set(event.commandName, (commands.get(event.commandName) ?? 0) + 1);
  });
  await ensureCollections(orm);
  await orm.schema.ensureIndexes({ ensureCollections: false });
  await versionUnversioned(orm);
  return {
    orm,
    commands,
    ping: async () => {
      await orm.em.getConnection().getDb().command({ ping: 1 });
    },
    close: () => orm.close(true),
  };
}

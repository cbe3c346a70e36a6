import { MikroORM } from '@mikro-orm/mongodb';
import { guardMongoDriverWrites, SpanKind, SpanStatusCode, tracer, tracingEnabled, type Logger, type Span } from '@hub/core';
import { rederivation, type WithAddedDerivedFields } from './seed.js';

/** Database commands this process has sent, by command name (read by /metrics and the tests). */
export type CommandCounts = Map<string, number>;

export interface Database {
  readonly orm: MikroORM;
  readonly commands: CommandCounts;
  readonly dbName: string;
  /** Pings the server, giving up after `timeoutMs` (readiness must answer fast). */
  ping(timeoutMs?: number): Promise<void>;
  /** Whether an error means the database cannot be reached (rather than a bad query or a bug). */
  isOutage(error: unknown): boolean;
  /** Records an outage met by a request; the first one after a success is logged. */
  reportOutage(error: unknown): void;
  close(): Promise<void>;
}

/**
 * How long a request waits for the database server before it is told the database is down. A
 * store outage must reach callers in about a second, not after the driver's default 30 s.
 */
export const SERVER_SELECTION_TIMEOUT_MS = 1_500;

const OUTAGE_ERRORS = new Set(['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoTopologyClosedError', 'MongoNotConnectedError', 'MongoPoolClearedError', 'ConnectionException']);

/** The driver's words for a server it cannot reach (MikroORM rewraps its errors and loses their class). */
const OUTAGE_MESSAGE = /Server selection timed out|ECONNREFUSED|ECONNRESET|connection .* closed|Topology is closed|Client must be connected|socket hang up/i;

/** Whether `error` (or what it wraps) is the driver saying the server cannot be reached. */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error as { name?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; current && depth < 5; depth += 1) {
    if (current.name && OUTAGE_ERRORS.has(current.name)) return true;
    if (current.message && OUTAGE_MESSAGE.test(current.message)) return true;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return false;
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
  for (const meta of entityMetadata(orm)) {
    if (meta.embeddable || !meta.collection || existing.has(meta.collection)) continue;
    await connection.createCollection(meta.class);
    existing.add(meta.collection);
  }
}

/**
 * Whether the server is FerretDB on its PostgreSQL backend (the embedded store with
 * HUB_STORE_BACKEND=postgresql, or anyone's): only FerretDB's explain carries
 * `serverInfo.ferretdbVersion`, and only its PostgreSQL backend answers with PostgreSQL's own
 * plan (`queryPlanner.Plan["Node Type"]`).
 */
async function onFerretdbPostgresql(orm: MikroORM): Promise<boolean> {
  const meta = entityMetadata(orm).find((m) => !m.embeddable && m.collection);
  if (!meta) return false;
  try {
    const answer = await orm.em.getConnection().getDb().command({ explain: { find: meta.collection, filter: { _id: '' } } });
    return answer.serverInfo?.ferretdbVersion !== undefined && typeof answer.queryPlanner?.Plan?.['Node Type'] === 'string';
  } catch {
    return false;
  }
}

/**
 * FerretDB 1.x on PostgreSQL indexes a field as one btree entry of its whole JSON value. For an
 * array field (searchTokens, committeeIds, …) that entry serves no query the subgraphs send (they
 * ask for members: `$in`, `$all`), and PostgreSQL refuses every write of a document whose array
 * is over 2.7 KB ("index row size exceeds btree maximum"): the search tokens of any long text.
 * So on that backend the indexes on array fields are left out (and dropped if an earlier start
 * made them); MongoDB and the SQLite backend (the store's key tables) keep them.
 */
async function leaveOutArrayIndexes(orm: MikroORM, log: Logger): Promise<void> {
  const left: string[] = [];
  for (const meta of entityMetadata(orm)) {
    if (meta.embeddable || !meta.collection) continue;
    type Prop = { type?: unknown; array?: boolean; index?: unknown; fieldNames?: string[] };
    const propOf = (name: string) => meta.properties[name as keyof typeof meta.properties] as Prop | undefined;
    const isArray = (prop: Prop | undefined) => prop?.array === true || prop?.type === 'array' || (typeof prop?.type === 'string' && prop.type.endsWith('[]'));
    const namesOf = (index: { properties?: unknown }) => ([] as string[]).concat((index.properties as string | string[] | undefined) ?? []);
    const fields: string[] = [];
    // @Index() on a property marks the property; @Index({ properties }) on a class lists them.
    for (const [name, prop] of Object.entries(meta.properties) as Array<[string, Prop]>) {
      if (prop.index && isArray(prop)) {
        prop.index = false;
        fields.push(prop.fieldNames?.[0] ?? name);
      }
    }
    const kept = meta.indexes.filter((index) => !namesOf(index).some((name) => isArray(propOf(name))));
    for (const index of meta.indexes) if (!kept.includes(index)) fields.push(namesOf(index).map((name) => propOf(name)?.fieldNames?.[0] ?? name).join('+'));
    meta.indexes.splice(0, meta.indexes.length, ...kept);
    if (fields.length === 0) continue;
    left.push(...fields.map((field) => `${meta.collection}.${field}`));
    const collection = orm.em.getConnection().getCollection(meta.collection);
    const existing = await collection.listIndexes().toArray().catch(() => [] as Array<{ name: string; key: Record<string, unknown> }>);
    const single = new Set(fields.flatMap((field) => field.split('+')));
    for (const index of existing) {
      if (Object.keys(index.key).some((field) => single.has(field))) await collection.dropIndex(index.name).catch(() => undefined);
    }
  }
  if (left.length > 0) log.info(`FerretDB on PostgreSQL: no indexes on array fields (${left.join(', ')}); its btree over a whole array serves no query and refuses large ones`);
}

/** Every entity's metadata. MikroORM 7 returns a Map, which `Object.values` sees as empty. */
function entityMetadata(orm: MikroORM) {
  return [...orm.getMetadata().getAll().values()];
}

/**
 * Gives version 1 to records stored before records had versions, so that every update's
 * version condition can match them. A no-op (one command per collection) once done.
 */
async function versionUnversioned(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  for (const meta of entityMetadata(orm)) {
    if (meta.embeddable || !meta.collection || !meta.versionProperty) continue;
    await connection.getCollection(meta.collection).updateMany({ [meta.versionProperty]: { $exists: false } }, { $set: { [meta.versionProperty]: 1 } });
  }
}

/**
 * Gives records stored before records tracked `changedAt` the time of this start (their last
 * API edit when they have one), so a pull with `changedSince` misses none of them: it gets them
 * once more at worst. A no-op (one command per collection) once done.
 */
async function dateUndated(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const now = new Date();
  for (const meta of entityMetadata(orm)) {
    if (meta.embeddable || !meta.collection || !meta.properties.changedAt) continue;
    await connection.getCollection(meta.collection).updateMany({ changedAt: { $exists: false } }, { $set: { changedAt: now } });
  }
}

/**
 * Recomputes the derived fields of records stored before a derived field was added (an entity's
 * `addedDerivedFields`), so that a query on the new field misses none of them. One indexed
 * lookup per such collection once done. The records it finds get their derived fields, and
 * nothing else, in bulk writes conditional on their version (an edit made meanwhile wins; that
 * record is done at the next start), with progress logged: at scale 1 that is 15,000 events.
 */
async function rederiveLacking(orm: MikroORM, log: Logger): Promise<void> {
  const connection = orm.em.getConnection();
  for (const meta of entityMetadata(orm)) {
    const added = (meta.class as WithAddedDerivedFields).addedDerivedFields;
    if (meta.embeddable || !meta.collection || !added?.length) continue;
    const collection = connection.getCollection(meta.collection);
    const lacking = { $or: added.map((field) => ({ [field]: { $exists: false } })) };
    const total = await collection.countDocuments(lacking as never);
    if (total === 0) continue;
    const what = `${added.join(', ')} for ${total} ${meta.collection} stored before ${added.length > 1 ? 'they' : 'it'} existed`;
    log.info(`computing ${what}`);
    const started = Date.now();
    let [done, written, told] = [0, 0, Date.now()];
    // Pages of the records still lacking a field, unsorted, so that the store reads only the
    // page (a sorted page would sort every lacking record first). A record left as it was
    // (changed meanwhile) would be met again, so it is left out of the pages after.
    const left: unknown[] = [];
    for (;;) {
      const filter = left.length === 0 ? lacking : { $and: [lacking, { _id: { $nin: left } }] };
      const page = await collection.find(filter as never).limit(REDERIVE_BATCH).toArray();
      if (page.length === 0) break;
      const writes = page.map((record) => rederivation(meta.class as never, record as Record<string, unknown>));
      const due = writes.flatMap((write) => write ?? []);
      const modified = due.length > 0 ? (await collection.bulkWrite(due as never, { ordered: false })).modifiedCount : 0;
      written += modified;
      // Which of the page were not written is not told, so all of it is left out (the others no longer match anyway).
      if (modified < page.length) left.push(...page.map((record) => record._id));
      done += page.length;
      if (Date.now() - told > 5_000) {
        told = Date.now();
        const rate = done / ((told - started) / 1000);
        log.info(`computing ${added.join(', ')}: ${done} of ${total} ${meta.collection} (${Math.round(rate)}/s, about ${Math.ceil(Math.max(0, total - done) / rate)} s left)`);
      }
    }
    log.info(`computed ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (written < done) log.warn(`${done - written} ${meta.collection} were left as they were (changed meanwhile); the next start looks again`);
  }
}

/** Records rederived per page and bulk write: a few seconds of the store's time each at scale 1, so progress shows. */
const REDERIVE_BATCH = 200;

/** Awaits `work`, saying what it is doing every 10 s while it takes longer than that (a sign of life for the launcher too). */
async function whileSlow<T>(work: Promise<T>, log: Logger, doing: string): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => log.info(`still ${doing} (${Math.round((Date.now() - started) / 1000)} s)`), 10_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

interface CommandEvent {
  commandName: string;
  requestId: number;
  connectionId?: string | number;
  databaseName?: string;
  command?: Record<string, unknown>;
  failure?: Error;
}

/**
 * A span for every database command, from the driver's command monitoring: started in the
 * context of whoever sent it (a DataLoader batch, a write), ended when its answer arrives.
 */
function traceCommands(client: ReturnType<ReturnType<MikroORM['em']['getConnection']>['getClient']>, dbName: string): void {
  const open = new Map<string, Span>();
  const key = (event: CommandEvent) => `${event.connectionId}:${event.requestId}`;
  client.on('commandStarted', (event: CommandEvent) => {
    if (!tracingEnabled()) return;
    const collection = event.command?.[event.commandName];
    open.set(key(event), tracer.startSpan(`mongodb ${event.commandName}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'mongodb', 'db.namespace': event.databaseName ?? dbName, 'db.operation.name': event.commandName, ...(typeof collection === 'string' ? { 'db.collection.name': collection } : {}) },
    }));
  });
  const end = (event: CommandEvent) => {
    const span = open.get(key(event));
    if (!span) return;
    open.delete(key(event));
    if (event.failure) span.setStatus({ code: SpanStatusCode.ERROR, message: event.failure.message });
    span.end();
  };
  client.on('commandSucceeded', end);
  client.on('commandFailed', end);
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
  // Without it, a request could hang for ever when the store dies (see the guard's comment).
  guardMongoDriverWrites();
  const orm = await MikroORM.init({
    clientUrl: options.uri,
    dbName: options.dbName,
    entities: options.entities,
    // Command monitoring lets us count what each request costs; it is cheap (an event per command).
    driverOptions: { monitorCommands: true, serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS, connectTimeoutMS: SERVER_SELECTION_TIMEOUT_MS },
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
  const client = orm.em.getConnection().getClient();
  client.on('commandStarted', (event: { commandName: string }) => {
    commands.set(event.commandName, (commands.get(event.commandName) ?? 0) + 1);
  });
  traceCommands(client, options.dbName);
  // The database's state is logged when it changes: down once, back once — not per request.
  let down = false;
  client.on('commandSucceeded', () => {
    if (!down) return;
    down = false;
    options.log.info(`database ${options.dbName} reachable again`);
  });
  await ensureCollections(orm);
  if (await onFerretdbPostgresql(orm)) await leaveOutArrayIndexes(orm, options.log);
  await whileSlow(orm.schema.ensureIndexes({ ensureCollections: false }), options.log, 'making the indexes: a new index over many records takes a while');
  await versionUnversioned(orm);
  await dateUndated(orm);
  await rederiveLacking(orm, options.log);
  return {
    orm,
    commands,
    dbName: options.dbName,
    ping: async (timeoutMs = SERVER_SELECTION_TIMEOUT_MS) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([orm.em.getConnection().getDb().command({ ping: 1 }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    isOutage: isConnectionFailure,
    reportOutage: (error) => {
      if (down) return;
      down = true;
      options.log.warn(`database ${options.dbName} unreachable; requests that need it fail until it is back`, { error: (error as Error).message });
    },
    close: () => orm.close(true),
  };
}

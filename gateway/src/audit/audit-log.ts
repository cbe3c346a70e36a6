/**
 * The audit log: one entry per request through the gateway (who, what, when, outcome) in the
 * registry database's `audit` collection, as one hash chain — each entry carries its sequence
 * number and the hash of the entry before it, so deleting or editing any entry breaks the chain
 * from there on (`hub audit verify` names the first broken link).
 *
 * Entries are queued on the request path (an array push) and written in batches off it. Several
 * gateways share one chain: an entry's sequence number is its `_id`, so appending is a
 * compare-and-set on the chain's head — of two gateways writing the same next number one wins,
 * the other reads the new head and chains its batch after it (FerretDB has no transactions, a
 * unique `_id` is what both servers guarantee). Each entry names the gateway that wrote it.
 *
 * When a batch cannot be written, the log says so loudly and the gateway refuses mutations
 * (a change nobody could later account for) while reads go on, their entries held in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Collection, Db } from 'mongodb';
import type { Logger } from '@hub/core';

/** A record a mutation changed, as the subgraph that wrote it reported it. */
export interface TouchedRecord {
  readonly subgraph: string;
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly action: string;
}

/** What the gateway knows about a request when it has answered it. */
export interface AuditFacts {
  readonly at: Date;
  readonly subject: string | null;
  readonly client: string;
  readonly tokenId: string | null;
  readonly operationType: string | null;
  readonly operationName: string | null;
  readonly operationHash: string | null;
  readonly variablesDigest: string | null;
  readonly records: readonly TouchedRecord[];
  readonly outcome: string;
  /** Error codes of the answer, e.g. FORBIDDEN, AUDIT_UNAVAILABLE. */
  readonly errorCodes: readonly string[];
  readonly traceId: string;
}

export interface AuditEntry extends AuditFacts {
  /** The sequence number, 1, 2, 3…: also the chain position. */
  readonly _id: number;
  /** Which gateway wrote it. */
  readonly gateway: string;
  /** The hash of entry `_id - 1` (64 zeros for the first). */
  readonly prev: string;
  readonly hash: string;
}

export const GENESIS = '0'.repeat(64);

/**
 * The entry's hash over every field but the hash itself, in a fixed order (not an object's key
 * order, which a database may not keep), so any edit of a stored entry shows.
 */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    entry._id,
    entry.prev,
    new Date(entry.at).toISOString(),
    entry.gateway,
    entry.subject,
    entry.client,
    entry.tokenId,
    entry.operationType,
    entry.operationName,
    entry.operationHash,
    entry.variablesDigest,
    entry.records.map((record) => [record.subgraph, record.type, record.id, record.version, record.action]),
    entry.outcome,
    entry.errorCodes,
    entry.traceId,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** A digest of an operation's variables: the same values give the same digest, whatever their key order. */
export function variablesDigest(variables: Record<string, unknown> | undefined): string | null {
  if (!variables || Object.keys(variables).length === 0) return null;
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(variables))).digest('hex');
}

/** The first place the chain does not hold, in words an operator can act on. */
export interface BrokenLink {
  readonly seq: number;
  readonly problem: string;
}

export interface Verification {
  readonly ok: boolean;
  readonly entries: number;
  /** The last entry's hash: kept elsewhere, it also shows entries cut off the end. */
  readonly head: { seq: number; hash: string } | null;
  readonly broken?: BrokenLink;
}

/** Walks the chain from the first entry; stops at the first link that does not hold. */
export async function verifyChain(entries: Collection<AuditEntry>): Promise<Verification> {
  let expected = 1;
  let prev = GENESIS;
  for await (const entry of entries.find({}).sort({ _id: 1 })) {
    const seq = entry._id;
    const fail = (problem: string): Verification => ({ ok: false, entries: expected - 1, head: expected > 1 ? { seq: expected - 1, hash: prev } : null, broken: { seq, problem } });
    if (typeof seq !== 'number' || seq !== expected) {
      return fail(typeof seq === 'number' && seq > expected ? `entry ${expected}${seq - 1 > expected ? ` to ${seq - 1}` : ''} missing: the chain jumps from ${expected - 1} to ${seq} (deleted)` : `entry ${String(seq)} is out of sequence (expected ${expected})`);
    }
    if (entry.prev !== prev) return fail(`entry ${seq} does not follow entry ${seq - 1}: its "prev" is not entry ${seq - 1}'s hash (entry ${seq - 1} was replaced, or this one edited)`);
    if (entryHash(entry) !== entry.hash) return fail(`entry ${seq} was changed after it was written: its content does not match its hash`);
    prev = entry.hash;
    expected += 1;
  }
  return { ok: true, entries: expected - 1, head: expected > 1 ? { seq: expected - 1, hash: prev } : null };
}

export interface AuditLogOptions {
  db: Db;
  log: Logger;
  flushMs?: number;
  /** Beyond this many waiting entries the oldest are dropped (and counted, loudly). */
  maxQueued?: number;
}

const BATCH = 500;

export class AuditLog {
  readonly entries: Collection<AuditEntry>;
  /** This gateway's name in the entries it writes: host, process and a random part. */
  readonly gatewayId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private queue: AuditFacts[] = [];
  private flushing: Promise<void> | undefined;
  private writable = false;
  private lastProblem: string | undefined;
  private lastWarning = 0;
  private dropped = 0;
  private lastLossWarning = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly log: Logger;
  private readonly maxQueued: number;

  constructor(options: AuditLogOptions) {
    this.entries = options.db.collection<AuditEntry>('audit');
    this.log = options.log;
    this.maxQueued = options.maxQueued ?? 100_000;
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 1000);
    this.timer.unref();
  }

  /** Checks that the chain's head can be read; until a write or this succeeds, mutations are refused. */
  async start(): Promise<void> {
    try {
      await this.entries.createIndex({ subject: 1 });
      await this.entries.createIndex({ 'records.id': 1 });
      await this.entries.createIndex({ at: 1 });
      await this.head();
      this.setWritable(true);
    } catch (error) {
      this.setWritable(false, (error as Error).message);
    }
  }

  /** Whether the last attempt to write (or reach) the audit log succeeded. */
  get isWritable(): boolean {
    return this.writable;
  }

  /** Queues an entry; written within a second by the background flush. */
  append(facts: AuditFacts): void {
    this.queue.push(facts);
    if (this.queue.length > this.maxQueued) {
      const over = this.queue.length - this.maxQueued;
      this.queue.splice(0, over);
      this.dropped += over;
      if (Date.now() - this.lastLossWarning >= 30_000) {
        this.lastLossWarning = Date.now();
        this.log.error(`AUDIT ENTRIES LOST: ${this.dropped} entries dropped since the audit log became unwritable (more than ${this.maxQueued} waiting)`);
      }
    }
    if (this.queue.length >= BATCH) void this.flush();
    if (!this.writable) this.warnWhileDown();
  }

  private warnWhileDown(): void {
    // Loud, but not once per request: every 30 s while it lasts.
    if (Date.now() - this.lastWarning < 30_000) return;
    this.lastWarning = Date.now();
    this.log.error(`AUDIT LOG UNWRITABLE (${this.lastProblem ?? 'unknown'}): reads are served and their entries held in memory (${this.queue.length} waiting); mutations are refused until it can be written`);
  }

  private setWritable(writable: boolean, problem?: string): void {
    const wasWritable = this.writable;
    this.writable = writable;
    if (writable) {
      if (this.lastProblem !== undefined) this.log.info('the audit log can be written again; mutations are accepted');
      this.lastProblem = undefined;
      return;
    }
    const newlyDown = wasWritable || this.lastProblem === undefined;
    this.lastProblem = problem;
    if (newlyDown) {
      this.lastWarning = 0;
      this.warnWhileDown();
    }
  }

  private async head(): Promise<{ seq: number; hash: string }> {
    const last = await this.entries.find({}, { projection: { _id: 1, hash: 1 } }).sort({ _id: -1 }).limit(1).next();
    return last ? { seq: last._id, hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  /** Writes what is queued, chained after the current head; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.writeQueued().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async writeQueued(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, BATCH);
        let { seq, hash: prev } = await this.head();
        const docs = batch.map((facts) => {
          seq += 1;
          const entry = { ...facts, _id: seq, gateway: this.gatewayId, prev };
          const stored: AuditEntry = { ...entry, hash: entryHash(entry) };
          prev = stored.hash;
          return stored;
        });
        try {
          await this.entries.insertMany(docs, { ordered: true });
          this.queue.splice(0, docs.length);
        } catch (error) {
          if ((error as { code?: number }).code !== 11000) throw error;
          // Another gateway took a sequence number first: keep what of ours got in, chain the rest after the new head.
          const landed = await this.entries.find({ _id: { $in: docs.map((doc) => doc._id) } }, { projection: { _id: 1, hash: 1 } }).toArray();
          const ours = new Set(landed.filter((row) => docs.some((doc) => doc._id === row._id && doc.hash === row.hash)).map((row) => row._id));
          let kept = 0;
          while (kept < docs.length && ours.has(docs[kept]!._id)) kept += 1;
          this.queue.splice(0, kept);
          this.log.debug('another gateway appended to the audit chain first; chaining the rest after it', { written: kept, waiting: this.queue.length });
        }
      }
      this.setWritable(true);
    } catch (error) {
      this.setWritable(false, (error as Error).message);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

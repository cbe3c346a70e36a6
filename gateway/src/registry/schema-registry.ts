/**
 * The schema registry's records in the registry database (`hub_registry`): partners and their
 * credentials, the append-only history of supergraph versions, and what clients use.
 *
 * Versions are numbered 1, 2, 3… and each is stored under its number as `_id`: a publish inserts
 * `latest + 1`, so of two publishes at once exactly one wins (the other gets a duplicate key and
 * is told to retry) — compare-and-set without transactions, which FerretDB does not have. A
 * rollback is a new version with an old one's content, so history is never rewritten.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { SchemaChange } from '@hub/schema';
import type { UsageEntry } from '../usage.js';

export interface SubgraphEntry {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
  /** True for the hub's own subgraphs, which `npm start` publishes from the checkout. */
  readonly builtIn: boolean;
}

export interface SupergraphVersion {
  readonly _id: number;
  readonly supergraph: string;
  readonly hash: string;
  readonly subgraphs: readonly SubgraphEntry[];
  readonly author: string;
  readonly createdAt: Date;
  /** What this version did, e.g. "publish media", "rollback to 3". */
  readonly action: string;
  readonly changes: readonly SchemaChange[];
}

export interface PartnerSecret {
  readonly secret: string;
  readonly createdAt: Date;
  /** Set when a newer secret replaced it: after this instant it is no longer sent. */
  readonly retiresAt?: Date;
}

export interface Partner {
  readonly _id: string;
  readonly url: string;
  readonly contact?: string;
  readonly createdAt: Date;
  readonly secrets: readonly PartnerSecret[];
  /** SHA-256 of the publish token: the token itself is shown once and never stored. */
  readonly publishTokenHash: string;
}

interface UsageDocument {
  _id: string;
  day: string;
  operationHash: string;
  operationName: string | null;
  client: string;
  coordinates: string[];
  count: number;
}

/** Fetches of one report (or of ad hoc exports) by one client on one day. */
export interface ReportUsageDocument {
  _id: string;
  day: string;
  /** The report's name, or "(ad hoc)" for POST /export. */
  report: string;
  client: string;
  count: number;
  rows: number;
  /** Fetches that stopped on an error part way. */
  failed: number;
  formats: string[];
}

export class VersionConflict extends Error {
  constructor(readonly attempted: number) {
    super(`another change became version ${attempted} first; check again against it and retry`);
  }
}

const PUBLISH_TOKEN_PREFIX = 'hubp_';

const newPublishToken = (name: string) => `${PUBLISH_TOKEN_PREFIX}${name}_${randomBytes(24).toString('base64url')}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const isPublishToken = (token: string) => token.startsWith(PUBLISH_TOKEN_PREFIX);
export const sdlHash = (sdl: string) => createHash('sha256').update(sdl).digest('hex');

export class SchemaRegistry {
  readonly versions: Collection<SupergraphVersion>;
  readonly partners: Collection<Partner>;
  readonly usage: Collection<UsageDocument>;
  readonly reportUsage: Collection<ReportUsageDocument>;

  constructor(readonly db: Db) {
    this.reportUsage = db.collection<ReportUsageDocument>('report_usage');
    this.versions = db.collection<SupergraphVersion>('supergraph_versions');
    this.partners = db.collection<Partner>('partners');
    this.usage = db.collection<UsageDocument>('usage');
  }

  async ensureIndexes(): Promise<void> {
    await this.partners.createIndex({ publishTokenHash: 1 }, { unique: true });
    await this.usage.createIndex({ coordinates: 1 });
    await this.usage.createIndex({ day: 1 });
    await this.reportUsage.createIndex({ day: 1 });
  }

  async latest(): Promise<SupergraphVersion | null> {
    return this.versions.find({}).sort({ _id: -1 }).limit(1).next();
  }

  async version(number: number): Promise<SupergraphVersion | null> {
    return this.versions.findOne({ _id: number });
  }

  /** Newest first, without the (large) supergraph text. */
  async history(limit = 50): Promise<Array<Omit<SupergraphVersion, 'supergraph' | 'subgraphs'> & { subgraphs: string[] }>> {
    const rows = await this.versions.find({}, { projection: { supergraph: 0 } }).sort({ _id: -1 }).limit(limit).toArray();
    return rows.map((row) => ({ ...row, subgraphs: row.subgraphs.map((subgraph) => subgraph.name) }));
  }

  /** Stores the next version, unless another change got there since `basedOn` was read. */
  async append(basedOn: number, version: Omit<SupergraphVersion, '_id' | 'createdAt' | 'hash'>): Promise<SupergraphVersion> {
    const stored: SupergraphVersion = { ...version, _id: basedOn + 1, createdAt: new Date(), hash: sdlHash(version.supergraph) };
    try {
      await this.versions.insertOne(stored);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new VersionConflict(basedOn + 1);
      throw error;
    }
    return stored;
  }

  async partner(name: string): Promise<Partner | null> {
    return this.partners.findOne({ _id: name });
  }

  async partnerByToken(token: string): Promise<Partner | null> {
    return this.partners.findOne({ publishTokenHash: hashToken(token) });
  }

  async listPartners(): Promise<Partner[]> {
    return this.partners.find({}).sort({ _id: 1 }).toArray();
  }

  /** Registers a partner; returns its secret and publish token, which are shown once. */
  async addPartner(name: string, url: string, contact: string | undefined): Promise<{ partner: Partner; secret: string; publishToken: string }> {
    const secret = randomBytes(32).toString('base64url');
    const publishToken = newPublishToken(name);
    const partner: Partner = {
      _id: name,
      url,
      ...(contact ? { contact } : {}),
      createdAt: new Date(),
      secrets: [{ secret, createdAt: new Date() }],
      publishTokenHash: hashToken(publishToken),
    };
    await this.partners.insertOne(partner);
    return { partner, secret, publishToken };
  }

  /**
   * A new secret for a partner; the ones still in use keep being sent beside it until `graceMs`
   * passes (0: they stop at once, for a leaked secret). A second rotation within the grace
   * period keeps the first's old secret to its own end, so three values may be sent for a while.
   */
  async rotatePartner(name: string, graceMs: number): Promise<{ secret: string; oldRetiresAt: Date } | null> {
    const partner = await this.partner(name);
    if (!partner) return null;
    const now = new Date();
    const oldRetiresAt = new Date(now.getTime() + graceMs);
    const secret = randomBytes(32).toString('base64url');
    const kept = graceMs === 0 ? [] : partner.secrets.filter((s) => !s.retiresAt || s.retiresAt > now).map((s) => ({ ...s, retiresAt: s.retiresAt ?? oldRetiresAt }));
    await this.partners.updateOne({ _id: name }, { $set: { secrets: [{ secret, createdAt: now }, ...kept] } });
    return { secret, oldRetiresAt };
  }

  /** A new publish token for a partner; the old one stops working at once. Shown once, like the first. */
  async rotatePublishToken(name: string): Promise<string | null> {
    const publishToken = newPublishToken(name);
    const { matchedCount } = await this.partners.updateOne({ _id: name }, { $set: { publishTokenHash: hashToken(publishToken) } });
    return matchedCount === 1 ? publishToken : null;
  }

  /** Where the partner answers, as last published (`hub partner list` and `hub subgraph list` agree). */
  async setPartnerUrl(name: string, url: string): Promise<void> {
    await this.partners.updateOne({ _id: name }, { $set: { url } });
  }

  async removePartner(name: string): Promise<boolean> {
    return (await this.partners.deleteOne({ _id: name })).deletedCount === 1;
  }

  /** Adds counts of operations served (one upsert per day, operation and client). */
  async recordUsage(entries: readonly UsageEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.usage.updateOne(
        { _id: `${entry.day}:${entry.operationHash}:${entry.client}` },
        {
          $inc: { count: entry.count },
          $set: { day: entry.day, operationHash: entry.operationHash, operationName: entry.operationName, client: entry.client, coordinates: [...entry.coordinates] },
        },
        { upsert: true },
      );
    }
  }

  /**
   * Operations served since `sinceDay` that use any of `coordinates` (a type name matches every
   * field of that type; none given matches every operation), summed per operation and client.
   */
  async usageOf(coordinates: readonly string[] | undefined, sinceDay: string): Promise<Array<{ operationHash: string; operationName: string | null; client: string; count: number; coordinates: string[] }>> {
    const rows = await this.usage.find({ day: { $gte: sinceDay } }).toArray();
    const matches = (used: string) => !coordinates || coordinates.some((wanted) => used === wanted || (!wanted.includes('.') && used.startsWith(`${wanted}.`)) || used.startsWith(`${wanted}(`));
    const summed = new Map<string, { operationHash: string; operationName: string | null; client: string; count: number; coordinates: string[] }>();
    for (const row of rows) {
      const hit = row.coordinates.filter(matches);
      if (hit.length === 0 && coordinates) continue;
      const key = `${row.operationHash}:${row.client}`;
      const current = summed.get(key);
      summed.set(key, { operationHash: row.operationHash, operationName: row.operationName, client: row.client, count: (current?.count ?? 0) + row.count, coordinates: hit });
    }
    return [...summed.values()].sort((a, b) => b.count - a.count);
  }

  /** Counts one report fetch (or ad hoc export) and the rows it sent. */
  async recordReportFetch(fetch: { report: string; client: string; format: string; rows: number; failed: boolean }, now = new Date()): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    await this.reportUsage.updateOne(
      { _id: `${day}:${fetch.report}:${fetch.client}` },
      { $inc: { count: 1, rows: fetch.rows, failed: fetch.failed ? 1 : 0 }, $set: { day, report: fetch.report, client: fetch.client }, $addToSet: { formats: fetch.format } },
      { upsert: true },
    );
  }

  /** Report fetches since `sinceDay`, summed per report and client, most fetched first. */
  async reportUsageSince(sinceDay: string, report?: string): Promise<Array<{ report: string; client: string; count: number; rows: number; failed: number; formats: string[]; lastDay: string }>> {
    const rows = await this.reportUsage.find({ day: { $gte: sinceDay }, ...(report ? { report } : {}) }).toArray();
    const summed = new Map<string, { report: string; client: string; count: number; rows: number; failed: number; formats: string[]; lastDay: string }>();
    for (const row of rows) {
      const key = `${row.report}\u0000${row.client}`;
      const current = summed.get(key) ?? { report: row.report, client: row.client, count: 0, rows: 0, failed: 0, formats: [], lastDay: row.day };
      current.count += row.count;
      current.rows += row.rows;
      current.failed += row.failed ?? 0;
      current.formats = [...new Set([...current.formats, ...(row.formats ?? [])])].sort();
      if (row.day > current.lastDay) current.lastDay = row.day;
      summed.set(key, current);
    }
    return [...summed.values()].sort((a, b) => b.count - a.count || a.report.localeCompare(b.report));
  }
}

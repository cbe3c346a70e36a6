/**
 * Service tokens: JWTs for reporting tools and other services, made by an operator with
 * `hub token create`, each with an id (`jti`) recorded in the registry database so that it can
 * be listed and revoked. Only the metadata is stored, never the token.
 *
 * Signing: service tokens are HS256, signed with a key the registry itself keeps (collection
 * `signing_keys`, made by the first gateway that issues one), and marked with the key id
 * `hub-service-1`. Every gateway reads that key from the registry, so service tokens work the
 * same in development and in production, whatever verifies people's tokens there (a shared
 * HUB_JWT_SECRET or an identity provider's public key in HUB_JWT_PUBLIC_KEY_FILE). Whoever can
 * read `hub_registry` could mint them, as they could read partners' signing secrets: it is a
 * database to protect.
 *
 * Revocation: every gateway keeps the list of service tokens in memory, refreshed by the
 * registry poll (HUB_REGISTRY_POLL_MS), and refuses a revoked one from the next poll on. A token
 * it has not seen yet (made a moment ago through another gateway) is looked up once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Identity, Scope } from '@hub/core';
import { GraphQLError } from 'graphql';
import { decodeProtectedHeader, SignJWT } from 'jose';
import type { Collection, Db } from 'mongodb';
import { identityOf, unauthenticated, verifyToken, type TokenRules } from '../auth.js';

export const SERVICE_TOKEN_KEY_ID = 'hub-service-1';

export interface ServiceTokenRecord {
  /** The token's `jti`. */
  readonly _id: string;
  /** The tool it is for; also the token's subject, so usage is counted under it. */
  readonly name: string;
  /**
   * The name while the token is live, `revoked:<id>` or `expired:<id>` after: a unique index on
   * it allows one live token per name without transactions.
   */
  readonly liveName: string;
  readonly scopes: readonly Scope[];
  readonly safelist: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly expiresAt: Date;
  readonly revokedAt?: Date;
  readonly revokedBy?: string;
}

interface SigningKey {
  readonly _id: string;
  readonly secret: string;
  readonly createdAt: Date;
}

export class TokenNameTaken extends Error {}

export class ServiceTokenStore {
  readonly tokens: Collection<ServiceTokenRecord>;
  private readonly keys: Collection<SigningKey>;

  constructor(db: Db) {
    this.tokens = db.collection<ServiceTokenRecord>('service_tokens');
    this.keys = db.collection<SigningKey>('signing_keys');
  }

  async ensureIndexes(): Promise<void> {
    await this.tokens.createIndex({ liveName: 1 }, { unique: true });
  }

  /** The key service tokens are signed with; made once (the first insert wins, the others read it). */
  async signingKey(create: boolean): Promise<Uint8Array | undefined> {
    const found = await this.keys.findOne({ _id: SERVICE_TOKEN_KEY_ID });
    if (found) return new TextEncoder().encode(found.secret);
    if (!create) return undefined;
    try {
      await this.keys.insertOne({ _id: SERVICE_TOKEN_KEY_ID, secret: randomBytes(32).toString('base64url'), createdAt: new Date() });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    return this.signingKey(false);
  }

  async create(input: { name: string; scopes: readonly Scope[]; safelist: boolean; lifetimeSeconds: number; createdBy: string; issuer: string; audience: string }): Promise<{ record: ServiceTokenRecord; token: string }> {
    const now = new Date();
    // An expired token no longer holds its name: a tool gets a new one under the same name.
    const stale = await this.tokens.findOne({ liveName: input.name, expiresAt: { $lte: now } });
    if (stale) await this.tokens.updateOne({ _id: stale._id, liveName: input.name }, { $set: { liveName: `expired:${stale._id}` } });
    const record: ServiceTokenRecord = {
      _id: randomUUID(),
      name: input.name,
      liveName: input.name,
      scopes: [...input.scopes],
      safelist: input.safelist,
      createdAt: now,
      createdBy: input.createdBy,
      expiresAt: new Date(now.getTime() + input.lifetimeSeconds * 1000),
    };
    const key = (await this.signingKey(true))!;
    // Signed before it is stored, so a failure to sign stores nothing.
    const token = await new SignJWT({ scope: record.scopes.join(' '), ...(record.safelist ? { hub_safelist: true } : {}) })
      .setProtectedHeader({ alg: 'HS256', kid: SERVICE_TOKEN_KEY_ID, typ: 'JWT' })
      .setJti(record._id)
      .setSubject(record.name)
      .setIssuer(input.issuer)
      .setAudience(input.audience)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(record.expiresAt.getTime() / 1000))
      .sign(key);
    try {
      await this.tokens.insertOne(record);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new TokenNameTaken(input.name);
      throw error;
    }
    return { record, token };
  }

  /** Newest first. */
  async list(): Promise<ServiceTokenRecord[]> {
    return this.tokens.find({}).sort({ createdAt: -1 }).toArray();
  }

  async byId(id: string): Promise<ServiceTokenRecord | null> {
    return this.tokens.findOne({ _id: id });
  }

  /**
   * Revokes the live token of that name, or the token with that id. Returns it as revoked, the
   * record unchanged when it was already revoked, or null when there is no such token.
   */
  async revoke(nameOrId: string, by: string): Promise<{ record: ServiceTokenRecord; already: boolean } | null> {
    const record = (await this.tokens.findOne({ liveName: nameOrId })) ?? (await this.byId(nameOrId));
    if (!record) return null;
    if (record.revokedAt) return { record, already: true };
    const revokedAt = new Date();
    await this.tokens.updateOne({ _id: record._id }, { $set: { revokedAt, revokedBy: by, liveName: `revoked:${record._id}` } });
    return { record: { ...record, revokedAt, revokedBy: by, liveName: `revoked:${record._id}` }, already: false };
  }
}

/** True when the token says it is a service token (signed with the registry's key). */
export function isServiceToken(token: string): boolean {
  try {
    return decodeProtectedHeader(token).kid === SERVICE_TOKEN_KEY_ID;
  } catch {
    return false;
  }
}

function registryDown(): GraphQLError {
  return new GraphQLError('This service token cannot be checked right now: the registry database does not answer. Try again shortly.', {
    extensions: { code: 'REGISTRY_UNAVAILABLE', http: { status: 503 } },
  });
}

/** What a gateway knows of the service tokens, kept current by the registry poll. */
export class ServiceTokenGuard {
  private known = new Map<string, ServiceTokenRecord>();
  private key: Uint8Array | undefined;

  constructor(
    private readonly store: ServiceTokenStore | undefined,
    private readonly rules: TokenRules,
  ) {}

  /** Re-reads the registry's tokens and signing key (an operator may have replaced a leaked key). */
  async refresh(): Promise<void> {
    if (!this.store) return;
    const [records, key] = await Promise.all([this.store.list(), this.store.signingKey(false)]);
    this.known = new Map(records.map((record) => [record._id, record]));
    this.key = key;
  }

  /** Called when this gateway revokes one, so it refuses the token at once rather than at the next poll. */
  remember(record: ServiceTokenRecord): void {
    this.known.set(record._id, record);
  }

  /** The caller a service token speaks for; refused (401) when it is revoked, unknown or over-long. */
  async authenticate(token: string): Promise<Identity> {
    if (!this.store) throw unauthenticated('This is a service token, but this gateway has no registry database (HUB_REGISTRY_MONGODB_URI) to check it against.');
    try {
      this.key ??= await this.store.signingKey(false);
    } catch {
      throw registryDown();
    }
    if (!this.key) throw unauthenticated('This service token is not accepted: the registry holds no service-token key (none was issued yet, or an operator withdrew it); ask an operator for a new token.');
    const payload = await verifyToken(token, this.key, this.rules);
    if (typeof payload.jti !== 'string') throw unauthenticated('This service token has no id ("jti"), so it was not issued by "hub token create".');
    let record = this.known.get(payload.jti);
    if (!record) {
      try {
        record = (await this.store.byId(payload.jti)) ?? undefined;
      } catch {
        throw registryDown();
      }
      if (record) this.known.set(record._id, record);
    }
    if (!record) throw unauthenticated(`This service token (id ${payload.jti}) is not known to the registry; ask an operator for a new one ("hub token create").`);
    if (record.revokedAt) {
      throw unauthenticated(`This service token ("${record.name}", id ${record._id}) was revoked at ${record.revokedAt.toISOString()}; ask an operator for a new one ("hub token create").`);
    }
    return identityOf(payload);
  }
}

/**
 * The gateway signs every request it sends to a subgraph; subgraphs refuse what is not signed.
 *
 * Signature = HMAC-SHA256 over the protocol version, the timestamp, a nonce, the forwarded
 * identity and the SHA-256 of the exact body bytes, so neither the caller's identity nor the
 * query can be changed in transit; a captured request stops working after the validity window,
 * and within it a subgraph refuses to see the same nonce twice. During a secret rotation the
 * signature header carries one value per secret; a subgraph accepts the request if any matches.
 * Partner subgraphs in other languages implement the same few lines (see PARTNERS.md).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isScope, type Identity } from './identity.js';

export const SIGNATURE_HEADERS = {
  timestamp: 'x-hub-timestamp',
  nonce: 'x-hub-nonce',
  identity: 'x-hub-identity',
  signature: 'x-hub-signature',
} as const;

const VERSION = 'v1';
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
/** How far in the future a timestamp may be (clocks differ a little), far less than the past window. */
export const MAX_CLOCK_SKEW_MS = 5_000;

function mac(secret: string, timestamp: string, nonce: string, identityHeader: string, body: string | Uint8Array): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${VERSION}\n${timestamp}\n${nonce}\n${identityHeader}\n${bodyHash}`).digest('hex');
}

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify({ sub: identity.subject, scopes: identity.scopes })).toString('base64url');
}

export function decodeIdentity(header: string): Identity | null {
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { sub?: unknown; scopes?: unknown };
    if (!(parsed.sub === null || typeof parsed.sub === 'string')) return null;
    if (!Array.isArray(parsed.scopes) || !parsed.scopes.every(isScope)) return null;
    return { subject: parsed.sub, scopes: parsed.scopes };
  } catch {
    return null;
  }
}

/**
 * The headers that make a subgraph request acceptable: add them to the request as sent. Several
 * secrets (a rotation in progress) give one signature value each, newest first.
 */
export function signRequest(secret: string | readonly string[], identity: Identity | string, body: string | Uint8Array, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('base64url');
  // An identity already encoded (as a header value) is signed as it is.
  const identityHeader = typeof identity === 'string' ? identity : encodeIdentity(identity);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.identity]: identityHeader,
    [SIGNATURE_HEADERS.signature]: secrets.map((one) => `${VERSION}=${mac(one, timestamp, nonce, identityHeader, body)}`).join(','),
  };
}

/**
 * Nonces seen within the validity window, so a captured request cannot be sent again. Entries
 * expire with the window; the cache is bounded (the oldest go first when it is full).
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000_000,
  ) {}

  /** True the first time a nonce is offered within its lifetime; false for a replay. */
  remember(nonce: string, now = Date.now()): boolean {
    const expires = this.seen.get(nonce);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(nonce);
    this.seen.set(nonce, now + this.ttlMs);
    // Map order is insertion order: the first entries are the oldest.
    for (const [key, at] of this.seen) {
      if (at > now && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
    return true;
  }
}

export type Verification = { ok: true; identity: Identity } | { ok: false; reason: string };

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Checks a request's signature headers against its body; the reason says what was wrong. With
 * `nonces`, a request whose nonce was already seen (a replay) is refused too.
 */
export function verifyRequest(
  secret: string,
  headers: Headers,
  body: string | Uint8Array,
  options: { maxAgeMs: number; now?: number; nonces?: NonceCache },
): Verification {
  const read = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const timestamp = read(SIGNATURE_HEADERS.timestamp);
  const nonce = read(SIGNATURE_HEADERS.nonce);
  const identityHeader = read(SIGNATURE_HEADERS.identity);
  const signature = read(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !identityHeader || !signature) {
    return { ok: false, reason: 'the request is not signed by the gateway' };
  }
  const sentAt = Number(timestamp);
  const now = options.now ?? Date.now();
  if (!Number.isInteger(sentAt) || now - sentAt > options.maxAgeMs) {
    return { ok: false, reason: 'the request signature has expired' };
  }
  if (sentAt - now > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'the request signature is dated in the future' };
  }
  if (!NONCE.test(nonce)) return { ok: false, reason: 'the request nonce is malformed' };
  const expected = Buffer.from(`${VERSION}=${mac(secret, timestamp, nonce, identityHeader, body)}`);
  const matches = signature.split(',').some((value) => {
    const given = Buffer.from(value.trim());
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches) return { ok: false, reason: 'the request signature does not match' };
  const identity = decodeIdentity(identityHeader);
  if (!identity) return { ok: false, reason: 'the forwarded identity is malformed' };
  // Only a request that verified is remembered, so nobody can fill the cache with junk.
  if (options.nonces && !options.nonces.remember(nonce, now)) return { ok: false, reason: 'the request was already received once (a replay)' };
  return { ok: true, identity };
}

/**
 * The gateway signs every request it sends to a subgraph; subgraphs refuse what is not signed.
 *
 * Signature = HMAC-SHA256 over the protocol version, the timestamp, the forwarded identity and
 * the SHA-256 of the exact body bytes, so neither the caller's identity nor the query can be
 * changed in transit, and a captured request stops working after the validity window.
 * Partner subgraphs in other languages implement the same few lines (see the README).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isScope, type Identity } from './identity.js';

export const SIGNATURE_HEADERS = {
  timestamp: 'x-hub-timestamp',
  identity: 'x-hub-identity',
  signature: 'x-hub-signature',
} as const;

const VERSION = 'v1';

function mac(secret: string, timestamp: string, identityHeader: string, body: string | Uint8Array): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${VERSION}\n${timestamp}\n${identityHeader}\n${bodyHash}`).digest('hex');
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

/** The headers that make a subgraph request acceptable: add them to the request as sent. */
export function signRequest(secret: string, identity: Identity | string, body: string | Uint8Array, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  // An identity already encoded (as a header value) is signed as it is.
  const identityHeader = typeof identity === 'string' ? identity : encodeIdentity(identity);
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.identity]: identityHeader,
    [SIGNATURE_HEADERS.signature]: `${VERSION}=${mac(secret, timestamp, identityHeader, body)}`,
  };
}

export type Verification = { ok: true; identity: Identity } | { ok: false; reason: string };

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Checks a request's signature headers against its body; the reason says what was wrong. */
export function verifyRequest(
  secret: string,
  headers: Headers,
  body: string | Uint8Array,
  options: { maxAgeMs: number; now?: number },
): Verification {
  const read = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const timestamp = read(SIGNATURE_HEADERS.timestamp);
  const identityHeader = read(SIGNATURE_HEADERS.identity);
  const signature = read(SIGNATURE_HEADERS.signature);
  if (!timestamp || !identityHeader || !signature) {
    return { ok: false, reason: 'the request is not signed by the gateway' };
  }
  const sentAt = Number(timestamp);
  const now = options.now ?? Date.now();
  if (!Number.isInteger(sentAt) || Math.abs(now - sentAt) > options.maxAgeMs) {
    return { ok: false, reason: 'the request signature has expired' };
  }
  const expected = Buffer.from(`${VERSION}=${mac(secret, timestamp, identityHeader, body)}`);
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'the request signature does not match' };
  }
  const identity = decodeIdentity(identityHeader);
  if (!identity) return { ok: false, reason: 'the forwarded identity is malformed' };
  return { ok: true, identity };
}

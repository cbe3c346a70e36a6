/**
 * Checks that a request really comes from the hub's gateway, exactly as PARTNERS.md specifies,
 * written from that document alone (this example uses none of the hub's code): HMAC-SHA256 with
 * our secret over `v1\n<timestamp>\n<nonce>\n<identity>\n<sha256 hex of the body>`, a timestamp
 * within the window (and at most 5 s ahead), and a nonce never seen before within the window.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface Caller {
  subject: string | null;
  scopes: string[];
}

export type Verdict = { ok: true; caller: Caller } | { ok: false; reason: string };

const FUTURE_SKEW_MS = 5_000;

export class SignatureVerifier {
  private readonly seen = new Map<string, number>();

  /** `secrets`: the one the hub gave us, or two while we move from an old one to a new one. */
  constructor(
    private readonly secrets: readonly string[],
    private readonly windowMs = 60_000,
  ) {}

  verify(headers: Record<string, string | string[] | undefined>, body: Buffer, now = Date.now()): Verdict {
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const timestamp = header('x-hub-timestamp');
    const nonce = header('x-hub-nonce');
    const identity = header('x-hub-identity');
    const signature = header('x-hub-signature');
    if (!timestamp || !nonce || !identity || !signature) return { ok: false, reason: 'not signed by the hub' };
    const sentAt = Number(timestamp);
    if (!Number.isInteger(sentAt) || now - sentAt > this.windowMs || sentAt - now > FUTURE_SKEW_MS) return { ok: false, reason: 'signature expired or dated in the future' };

    const bodyHash = createHash('sha256').update(body).digest('hex');
    const signed = `v1\n${timestamp}\n${nonce}\n${identity}\n${bodyHash}`;
    const given = signature.split(',').map((value) => Buffer.from(value.trim()));
    const valid = this.secrets.some((secret) => {
      const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
      return given.some((value) => value.length === expected.length && timingSafeEqual(value, expected));
    });
    if (!valid) return { ok: false, reason: 'signature does not match' };

    for (const [old, expires] of this.seen) if (expires <= now) this.seen.delete(old);
    if (this.seen.has(nonce)) return { ok: false, reason: 'replayed request' };
    this.seen.set(nonce, now + this.windowMs + FUTURE_SKEW_MS);

    try {
      const parsed = JSON.parse(Buffer.from(identity, 'base64url').toString('utf8')) as { sub?: unknown; scopes?: unknown };
      return { ok: true, caller: { subject: typeof parsed.sub === 'string' ? parsed.sub : null, scopes: Array.isArray(parsed.scopes) ? parsed.scopes.map(String) : [] } };
    } catch {
      return { ok: false, reason: 'identity header is not valid' };
    }
  }
}

/**
 * A per-caller rate limit: each caller (a verified token's subject, else the client's address) has a
 * bucket of HUB_RATE_LIMIT_PER_MINUTE requests that refills evenly over a minute. An empty bucket
 * answers 429 with `retry-after` (seconds until one request is allowed again) before any work.
 */
import { createHash } from 'node:crypto';
import { errorReply, type RawRequest, type Reply } from '@hub/core';

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket; returns the seconds to wait when it is empty. */
  take(key: string): number | undefined {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * this.perMs);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets callers whose bucket is full again, so memory follows the active callers only. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.updated) * this.perMs >= this.perMinute) this.buckets.delete(key);
  }
}

/** Who a token belongs to: its verified subject, or undefined when it is not a valid token. */
/** The verified subject of a request's token (null: a valid token without one); rejects for a token that does not verify. */
export type VerifiedSubject = (request: RawRequest) => Promise<string | null | undefined>;

/**
 * Who a request counts against: the verified token's subject, else the client's address. A token
 * that does not verify counts against the address, so a stream of made-up tokens cannot buy a
 * fresh allowance each; a valid token without a subject counts by its hash (never kept as is).
 */
export async function callerKey(request: RawRequest, subjectOf: VerifiedSubject): Promise<string> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const subject = await subjectOf(request).catch(() => undefined);
    if (subject) return `subject:${subject}`;
    if (subject === null) return `token:${createHash('sha256').update(authorization).digest('base64url')}`;
  }
  return `address:${request.remoteAddress ?? 'unknown'}`;
}

export function rateLimitGuard(limiter: RateLimiter, subjectOf: VerifiedSubject): (request: RawRequest) => Promise<Reply | undefined> {
  return async (request) => {
    const wait = limiter.take(await callerKey(request, subjectOf));
    if (wait === undefined) return undefined;
    const reply = errorReply(429, 'RATE_LIMITED', `Too many requests from this caller; try again in ${wait} s (the limit is per signed-in caller, or per address without a valid token: HUB_RATE_LIMIT_PER_MINUTE).`);
    return { ...reply, headers: { ...reply.headers, 'retry-after': String(wait) } };
  };
}

type Guard = (request: RawRequest) => Promise<Reply | undefined> | Reply | undefined;

/** Several guards as one: each in turn, the first refusal answers. */
export function firstRefusal(...guards: Guard[]): Guard {
  return async (request) => {
    for (const guard of guards) {
      const refused = await guard(request);
      if (refused) return refused;
    }
    return undefined;
  };
}

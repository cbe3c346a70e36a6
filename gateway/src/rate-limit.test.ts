import { describe, expect, it } from 'vitest';
import { callerKey, RateLimiter, rateLimitGuard } from './rate-limit.js';

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.1') => ({ method: 'POST', url: new URL('http://x/graphql'), headers, body: Buffer.alloc(0), remoteAddress });

describe('the rate limit', () => {
  it('lets a burst of the per-minute allowance through, then asks to wait, then refills', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBeUndefined();
    now += 1000;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(1);
  });

  it('counts a token, else an address, and never keeps the token itself', () => {
    expect(callerKey(request({ authorization: 'Bearer secret-token' }))).not.toContain('secret-token');
    expect(callerKey(request({}))).toBe('address:10.0.0.1');
  });

  it('answers 429 with retry-after', () => {
    const guard = rateLimitGuard(new RateLimiter(1, () => 0));
    expect(guard(request({}))).toBeUndefined();
    const refused = guard(request({}))!;
    expect(refused.status).toBe(429);
    expect(refused.headers?.['retry-after']).toBe('60');
    expect(String(refused.body)).toContain('HUB_RATE_LIMIT_PER_MINUTE');
  });
});

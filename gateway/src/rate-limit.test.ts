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

  it('counts a verified subject, else an address; a made-up token buys no fresh allowance', async () => {
    const subjectOf = async ({ headers: { authorization } }: { headers: { authorization?: string } }) => (authorization === 'Bearer good' ? 'analyst-7' : authorization === 'Bearer service' ? null : undefined);
    expect(await callerKey(request({ authorization: 'Bearer good' }), subjectOf)).toBe('subject:analyst-7');
    expect(await callerKey(request({ authorization: 'Bearer made-up-1' }), subjectOf)).toBe('address:10.0.0.1');
    expect(await callerKey(request({ authorization: 'Bearer made-up-2' }), subjectOf)).toBe('address:10.0.0.1');
    expect(await callerKey(request({}), subjectOf)).toBe('address:10.0.0.1');
    const service = await callerKey(request({ authorization: 'Bearer service' }), subjectOf);
    expect(service).toMatch(/^token:/);
    expect(service).not.toContain('service');
  });

  it('answers 429 with retry-after', async () => {
    const guard = rateLimitGuard(new RateLimiter(1, () => 0), async () => undefined);
    expect(await guard(request({}))).toBeUndefined();
    const refused = (await guard(request({ authorization: 'Bearer made-up' })))!;
    expect(refused.status).toBe(429);
    expect(refused.headers?.['retry-after']).toBe('60');
    expect(String(refused.body)).toContain('HUB_RATE_LIMIT_PER_MINUTE');
  });
});

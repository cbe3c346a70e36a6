import { describe, expect, it } from 'vitest';
import { encodeIdentity, signRequest, verifyRequest } from './signature.js';

const secret = 'k'.repeat(40);
const identity = { subject: 'analyst', scopes: ['hub:read' as const] };
const body = '{"query":"{ topics { code } }"}';
const options = { maxAgeMs: 60_000 };

describe('request signatures', () => {
  it('verify what was signed and give back the identity', () => {
    expect(verifyRequest(secret, signRequest(secret, identity, body), body, options)).toEqual({ ok: true, identity });
  });

  it('verify over bytes as well as strings', () => {
    expect(verifyRequest(secret, signRequest(secret, identity, body), Buffer.from(body), options).ok).toBe(true);
  });

  it.each([
    ['missing headers', {}, body, 'not signed'],
    ['another body', signRequest(secret, identity, body), '{"query":"mutation"}', 'does not match'],
    ['another secret', signRequest('z'.repeat(40), identity, body), body, 'does not match'],
    ['an old timestamp', signRequest(secret, identity, body, Date.now() - 61_000), body, 'expired'],
    ['a future timestamp', signRequest(secret, identity, body, Date.now() + 61_000), body, 'expired'],
    [
      'a swapped identity',
      { ...signRequest(secret, identity, body), 'x-hub-identity': encodeIdentity({ subject: 'x', scopes: ['hub:admin'] }) },
      body,
      'does not match',
    ],
  ])('refuse %s', (_, headers, sentBody, reason) => {
    const verdict = verifyRequest(secret, headers, sentBody, options);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(reason);
  });
});

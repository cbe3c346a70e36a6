import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeIdentity, NonceCache, signRequest, verifyRequest } from './signature.js';

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

  it('verify with either secret while a rotation sends two signatures', () => {
    const old = 'o'.repeat(40);
    const headers = signRequest([secret, old], identity, body);
    expect(headers['x-hub-signature']!.split(',')).toHaveLength(2);
    expect(verifyRequest(secret, headers, body, options).ok).toBe(true);
    expect(verifyRequest(old, headers, body, options).ok).toBe(true);
    expect(verifyRequest('z'.repeat(40), headers, body, options).ok).toBe(false);
  });

  it('refuse the same request a second time within the window', () => {
    const nonces = new NonceCache(65_000);
    const headers = signRequest(secret, identity, body);
    expect(verifyRequest(secret, headers, body, { ...options, nonces }).ok).toBe(true);
    const replay = verifyRequest(secret, headers, body, { ...options, nonces });
    expect(replay).toEqual({ ok: false, reason: 'the request was already received once (a replay)' });
    expect(verifyRequest(secret, signRequest(secret, identity, body), body, { ...options, nonces }).ok).toBe(true);
  });

  it('forget nonces once the window has passed, and stay bounded', () => {
    const nonces = new NonceCache(1000, 3);
    expect(nonces.remember('a'.repeat(16), 0)).toBe(true);
    expect(nonces.remember('a'.repeat(16), 500)).toBe(false);
    expect(nonces.remember('a'.repeat(16), 1500)).toBe(true);
    for (const n of ['b', 'c', 'd', 'e']) nonces.remember(n.repeat(16), 1600);
    expect(nonces.remember('a'.repeat(16), 1700)).toBe(true); // evicted as the oldest
  });

  it.each([
    ['missing headers', {}, body, 'not signed'],
    ['another body', signRequest(secret, identity, body), '{"query":"mutation"}', 'does not match'],
    ['another secret', signRequest('z'.repeat(40), identity, body), body, 'does not match'],
    ['an old timestamp', signRequest(secret, identity, body, Date.now() - 61_000), body, 'expired'],
    ['a timestamp 50 s in the future', signRequest(secret, identity, body, Date.now() + 50_000), body, 'dated in the future'],
    ['a timestamp 10 s in the future', signRequest(secret, identity, body, Date.now() + 10_000), body, 'dated in the future'],
    ['a changed nonce', { ...signRequest(secret, identity, body), 'x-hub-nonce': 'n'.repeat(22) }, body, 'does not match'],
    ['a malformed nonce', { ...signRequest(secret, identity, body), 'x-hub-nonce': 'short' }, body, 'nonce is malformed'],
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

  it('accept a timestamp a little in the future (clocks differ)', () => {
    expect(verifyRequest(secret, signRequest(secret, identity, body, Date.now() + 2_000), body, options).ok).toBe(true);
  });
});

describe('the test vector PARTNERS.md gives partners', () => {
  // Read from the document itself, so the page partners implement from is what is tested.
  const doc = readFileSync(new URL('../../../PARTNERS.md', import.meta.url), 'utf8').split('### Test vectors')[1] ?? '';
  const cell = (label: string) => new RegExp(`\\| ${label.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')} \\| \`([^\`]+)\``).exec(doc)?.[1];
  const secret = /With the secret `([^`]+)`/.exec(doc)?.[1];
  const headers = {
    'x-hub-timestamp': cell('`x-hub-timestamp`'),
    'x-hub-nonce': cell('`x-hub-nonce`'),
    'x-hub-identity': cell('`x-hub-identity`'),
    'x-hub-signature': cell('`x-hub-signature`'),
  };
  const vectorBody = cell('body (bytes)');

  it('verifies with the hub’s own code, and names the identity it says', () => {
    expect(secret && vectorBody && Object.values(headers).every(Boolean)).toBeTruthy();
    const verdict = verifyRequest(secret!, headers, vectorBody!, { maxAgeMs: 60_000, now: Number(headers['x-hub-timestamp']) + 1000 });
    expect(verdict).toEqual({ ok: true, identity: { subject: 'analyst', scopes: ['hub:read'] } });
    expect(verifyRequest(secret!, headers, `${vectorBody} `, { maxAgeMs: 60_000, now: Number(headers['x-hub-timestamp']) + 1000 }).ok).toBe(false);
  });
});

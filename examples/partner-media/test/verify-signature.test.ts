import { describe, expect, it } from 'vitest';
import { SignatureVerifier } from '../src/verify-signature.js';

// The test vector of PARTNERS.md, "Test vectors".
const vector = {
  secret: 'partner-test-secret-0123456789abcdef',
  timestamp: '1700000000000',
  nonce: 'AAECAwQFBgcICQoLDA0ODw',
  identity: 'eyJzdWIiOiJhbmFseXN0Iiwic2NvcGVzIjpbImh1YjpyZWFkIl19',
  body: '{"query":"{ outlets { id } }"}',
  signature: 'v1=ee70c21075eceeb9c7a66381a5e359b858f5d5ef36067383f785a8fbc756adc6',
};
const headers = { 'x-hub-timestamp': vector.timestamp, 'x-hub-nonce': vector.nonce, 'x-hub-identity': vector.identity, 'x-hub-signature': vector.signature };
const at = Number(vector.timestamp) + 1000;

describe("verifying the hub's signature from PARTNERS.md alone", () => {
  it('accepts the test vector and reads the caller', () => {
    expect(new SignatureVerifier([vector.secret]).verify(headers, Buffer.from(vector.body), at)).toEqual({ ok: true, caller: { subject: 'analyst', scopes: ['hub:read'] } });
  });

  it('accepts it with either of two secrets during a rotation, and two signature values', () => {
    expect(new SignatureVerifier(['new-secret-xxxxxxxxxxxxxxxxxxxxxxxxx', vector.secret]).verify(headers, Buffer.from(vector.body), at).ok).toBe(true);
    expect(new SignatureVerifier([vector.secret]).verify({ ...headers, 'x-hub-signature': `v1=${'0'.repeat(64)},${vector.signature}` }, Buffer.from(vector.body), at).ok).toBe(true);
  });

  it.each([
    ['another body', headers, '{"query":"{ __typename }"}', at, 'does not match'],
    ['another secret', headers, vector.body, at, 'does not match'],
    ['a stale timestamp', headers, vector.body, at + 61_000, 'expired'],
    ['a timestamp 10 s ahead', headers, vector.body, Number(vector.timestamp) - 10_000, 'future'],
    ['no signature', { ...headers, 'x-hub-signature': undefined }, vector.body, at, 'not signed'],
  ])('refuses %s', (name, given, body, now, reason) => {
    const verifier = new SignatureVerifier([name === 'another secret' ? 'wrong-secret-xxxxxxxxxxxxxxxxxxxxxxx' : vector.secret]);
    const verdict = verifier.verify(given, Buffer.from(body), now);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(reason);
  });

  it('refuses the same request twice (a replay)', () => {
    const verifier = new SignatureVerifier([vector.secret]);
    expect(verifier.verify(headers, Buffer.from(vector.body), at).ok).toBe(true);
    expect(verifier.verify(headers, Buffer.from(vector.body), at + 10)).toEqual({ ok: false, reason: 'replayed request' });
  });
});

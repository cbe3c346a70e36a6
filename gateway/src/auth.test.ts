import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from './auth.js';
import { mintToken } from './token.js';

const base = { issuer: 'hub', audience: 'hub', allowAnonymous: false, maxLifetimeSeconds: 90 * 86_400 };
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-auth-'));
});

async function signed(algorithm: 'RS256' | 'ES256') {
  const { publicKey, privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const token = await new SignJWT({ scope: 'hub:read hub:write' })
    .setProtectedHeader({ alg: algorithm, kid: 'k1' })
    .setSubject('partner')
    .setIssuer('hub')
    .setAudience('hub')
    .setExpirationTime('5m')
    .sign(privateKey);
  return { publicKey, token };
}

describe('tokens verified with a public key (production)', () => {
  it.each(['RS256', 'ES256'] as const)('accepts %s tokens against a PEM public key', async (algorithm) => {
    const { publicKey, token } = await signed(algorithm);
    const file = join(folder, `${algorithm}.pem`);
    await writeFile(file, await exportSPKI(publicKey));
    const authenticate = await createAuthenticator({ ...base, publicKeyFile: file });
    expect(await authenticate(`Bearer ${token}`)).toEqual({ subject: 'partner', scopes: ['hub:read', 'hub:write'] });
  });

  it('accepts tokens against a JWKS file', async () => {
    const { publicKey, token } = await signed('RS256');
    const file = join(folder, 'jwks.json');
    await writeFile(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }));
    const authenticate = await createAuthenticator({ ...base, publicKeyFile: file });
    expect((await authenticate(`Bearer ${token}`)).subject).toBe('partner');
  });

  it('refuses a token signed by another key', async () => {
    const { publicKey } = await signed('RS256');
    const { token } = await signed('RS256');
    const file = join(folder, 'other.pem');
    await writeFile(file, await exportSPKI(publicKey));
    const authenticate = await createAuthenticator({ ...base, publicKeyFile: file });
    await expect(authenticate(`Bearer ${token}`)).rejects.toThrow("not signed with this hub's key");
  });

  it('names the file when it cannot be read or is no key', async () => {
    await expect(createAuthenticator({ ...base, publicKeyFile: join(folder, 'missing.pem') })).rejects.toThrow('HUB_JWT_PUBLIC_KEY_FILE');
    const junk = join(folder, 'junk.pem');
    await writeFile(junk, 'hello');
    await expect(createAuthenticator({ ...base, publicKeyFile: junk })).rejects.toThrow('neither a PEM public key nor a JWKS');
  });
});

describe('scopes and anonymous callers', () => {
  const secret = 's'.repeat(40);

  it('keeps only the hub scopes a token grants', async () => {
    const authenticate = await createAuthenticator({ ...base, secret });
    const token = await new SignJWT({ scopes: ['hub:admin', 'other:thing'] })
      .setProtectedHeader({ alg: 'HS256' }).setIssuer('hub').setAudience('hub').setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    expect((await authenticate(`Bearer ${token}`)).scopes).toEqual(['hub:admin']);
  });

  it('lets anonymous callers read only when allowed', async () => {
    expect(await (await createAuthenticator({ ...base, secret, allowAnonymous: true }))(undefined)).toEqual({ subject: null, scopes: ['hub:read'] });
    await expect((await createAuthenticator({ ...base, secret }))(undefined)).rejects.toThrow('needs a bearer token');
  });

  it('refuses a token that never expires', async () => {
    const authenticate = await createAuthenticator({ ...base, secret });
    const forever = await new SignJWT({ scope: 'hub:admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('hub').setAudience('hub').sign(new TextEncoder().encode(secret));
    await expect(authenticate(`Bearer ${forever}`)).rejects.toThrow('"exp"');
  });

  it('refuses a token for another issuer, naming the claim', async () => {
    const authenticate = await createAuthenticator({ ...base, secret });
    const token = await mintToken({ secret, subject: 'x', scopes: ['hub:read'], expiresIn: '1m', issuer: 'elsewhere' });
    await expect(authenticate(`Bearer ${token}`)).rejects.toThrow('"iss"');
  });

  it('refuses a token that lives longer than HUB_MAX_TOKEN_DAYS, even one not yet expired, and accepts one at the limit', async () => {
    const authenticate = await createAuthenticator({ ...base, secret });
    const long = await mintToken({ secret, subject: 'x', scopes: ['hub:read'], expiresIn: '91d' });
    await expect(authenticate(`Bearer ${long}`)).rejects.toThrow(/valid for 91 days .*maximum of 90 days \(HUB_MAX_TOKEN_DAYS\)/);
    const atLimit = await mintToken({ secret, subject: 'x', scopes: ['hub:read'], expiresIn: '90d' });
    expect((await authenticate(`Bearer ${atLimit}`)).subject).toBe('x');
  });

  it('passes a token id and the safelist flag on to the identity', async () => {
    const authenticate = await createAuthenticator({ ...base, secret });
    const token = await new SignJWT({ scope: 'hub:read', hub_safelist: true }).setProtectedHeader({ alg: 'HS256' }).setJti('t-1').setIssuer('hub').setAudience('hub').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));
    expect(await authenticate(`Bearer ${token}`)).toEqual({ subject: null, scopes: ['hub:read'], tokenId: 't-1', safelist: true });
  });
});

/**
 * Turns a caller's bearer token into an Identity: HS256 with a shared secret (development and
 * simple deployments) or RS256/ES256/EdDSA with a public key or JWKS file (production).
 */
import { readFile } from 'node:fs/promises';
import { ANONYMOUS_READER, isScope, type Identity } from '@hub/core';
import { GraphQLError } from 'graphql';
import { createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface AuthOptions {
  secret?: string;
  publicKeyFile?: string;
  issuer: string;
  audience: string;
  allowAnonymous: boolean;
  /** The longest a token may live (exp − iat), in seconds: HUB_MAX_TOKEN_DAYS. */
  maxLifetimeSeconds: number;
}

export type Authenticate = (authorization: string | undefined) => Promise<Identity>;

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
  });
}

async function loadVerificationKey(options: AuthOptions): Promise<Uint8Array | Awaited<ReturnType<typeof importSPKI>> | JWTVerifyGetKey> {
  if (options.publicKeyFile) {
    const text = await readFile(options.publicKeyFile, 'utf8').catch((error: Error) => {
      throw new Error(`HUB_JWT_PUBLIC_KEY_FILE ${options.publicKeyFile} cannot be read: ${error.message}`);
    });
    if (text.trimStart().startsWith('{')) return createLocalJWKSet(JSON.parse(text) as { keys: [] });
    const algorithm = /BEGIN PUBLIC KEY/.test(text) ? await detectAlgorithm(text) : undefined;
    if (!algorithm) throw new Error(`HUB_JWT_PUBLIC_KEY_FILE ${options.publicKeyFile} is neither a PEM public key nor a JWKS`);
    return importSPKI(text, algorithm);
  }
  if (options.secret) return new TextEncoder().encode(options.secret);
  throw new Error('no token verification key: set HUB_JWT_SECRET or HUB_JWT_PUBLIC_KEY_FILE');
}

/** The first of the common algorithms the key imports under. */
async function detectAlgorithm(pem: string): Promise<string | undefined> {
  for (const algorithm of ['RS256', 'ES256', 'EdDSA']) {
    try {
      await importSPKI(pem, algorithm);
      return algorithm;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function scopesOf(payload: JWTPayload): Identity['scopes'] {
  const raw = payload.scope ?? payload.scopes;
  const list = typeof raw === 'string' ? raw.split(/\s+/) : Array.isArray(raw) ? raw : [];
  return list.filter(isScope);
}

/** The claims every token must satisfy, whoever signed it. */
export interface TokenRules {
  issuer: string;
  audience: string;
  maxLifetimeSeconds: number;
}

type VerificationKey = Awaited<ReturnType<typeof loadVerificationKey>>;

/**
 * Verifies a token's signature and claims, answering every failure with a 401 sentence; a token
 * must say when it expires (one that never does cannot be taken back) and may not live longer
 * than the hub allows, however it was issued.
 */
export async function verifyToken(token: string, key: VerificationKey, rules: TokenRules): Promise<JWTPayload> {
  const claims = { issuer: rules.issuer, audience: rules.audience, requiredClaims: ['exp'] };
  let payload: JWTPayload;
  try {
    ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, claims) : await jwtVerify(token, key, claims));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('The bearer token has expired; get a new one.');
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw unauthenticated(`The bearer token's "${error.claim}" claim is not accepted here: ${error.reason}.`);
    }
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) throw unauthenticated('The bearer token is not signed with this hub\'s key.');
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) throw unauthenticated('The bearer token is signed with an algorithm this hub does not accept.');
    // Other failures are a malformed token; the library's own wording stays out of the answer.
    throw unauthenticated('The bearer token is not valid: it is not a well-formed, signed JWT.');
  }
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
  const lifetime = payload.exp! - issuedAt;
  if (lifetime > rules.maxLifetimeSeconds) {
    const days = (seconds: number) => `${Math.round((seconds / 86_400) * 10) / 10} days`;
    throw unauthenticated(`The bearer token is valid for ${days(lifetime)} (exp − iat), longer than this hub's maximum of ${days(rules.maxLifetimeSeconds)} (HUB_MAX_TOKEN_DAYS); get a shorter-lived one.`);
  }
  return payload;
}

/** What a verified token says about its caller. */
export function identityOf(payload: JWTPayload): Identity {
  return {
    subject: payload.sub ?? null,
    scopes: scopesOf(payload),
    ...(typeof payload.jti === 'string' ? { tokenId: payload.jti } : {}),
    ...(payload.hub_safelist === true ? { safelist: true } : {}),
  };
}

/** The bearer token of an Authorization header; a header of another shape is refused. */
export function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

export async function createAuthenticator(options: AuthOptions): Promise<Authenticate> {
  const key = await loadVerificationKey(options);
  return async (authorization) => {
    if (!authorization) {
      if (options.allowAnonymous) return ANONYMOUS_READER;
      throw unauthenticated('This hub needs a bearer token: send "Authorization: Bearer <token>" (see "Getting a token" in the README).');
    }
    return identityOf(await verifyToken(bearerToken(authorization), key, options));
  };
}

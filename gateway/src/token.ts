import { isScope, type Scope } from '@hub/core';
import { SignJWT } from 'jose';

export interface TokenRequest {
  secret: string;
  subject: string;
  scopes: readonly Scope[];
  expiresIn: string;
  issuer?: string;
  audience?: string;
  /** A token id (`jti`), which the audit log records with each request. */
  tokenId?: string;
}

/** An HS256 token the gateway accepts when it shares `secret`. */
export function mintToken(request: TokenRequest): Promise<string> {
  return new SignJWT({ scope: request.scopes.join(' '), ...(request.tokenId ? { jti: request.tokenId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(request.issuer ?? 'hub')
    .setAudience(request.audience ?? 'hub')
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(request.secret));
}

export function parseScopes(text: string): Scope[] {
  const scopes = text.split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (unknown.length > 0) throw new Error(`unknown scope ${unknown.join(', ')}; use hub:read, hub:write or hub:admin`);
  return scopes as Scope[];
}

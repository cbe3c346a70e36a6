import { isScope, type Scope } from '@hub/core/config';
import { SignJWT } from 'jose';

export interface TokenRequest {
  secret: string;
  subject: string;
  scopes: readonly Scope[];
  expiresIn: string;
  issuer?: string;
  audience?: string;
}

/** An HS256 token the gateway accepts when it shares `secret`. */
export function mintToken(request: TokenRequest): Promise<string> {
  return new SignJWT({ scope: request.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(request.issuer ?? 'hub')
    .setAudience(request.audience ?? 'hub')
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(request.secret));
}

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3_600, d: 86_400, w: 604_800 };

/**
 * A lifetime such as `30m`, `8h`, `30d` or `2w`, in seconds, at most `maxDays` days; anything
 * else is refused with a sentence naming the value and the limit.
 */
export function parseLifetime(text: string, maxDays: number): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) throw new Error(`the expiry must be a whole number with a unit, like 30m, 8h, 30d or 2w; got ${JSON.stringify(text)}`);
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  if (seconds > maxDays * 86_400) throw new Error(`an expiry of ${text} is longer than this hub's maximum token lifetime of ${maxDays} days (HUB_MAX_TOKEN_DAYS); choose ${maxDays}d or less`);
  return seconds;
}

export function parseScopes(text: string): Scope[] {
  const scopes = text.split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (unknown.length > 0) throw new Error(`unknown scope ${unknown.join(', ')}; use hub:read, hub:write or hub:admin`);
  return scopes as Scope[];
}

/** Who is calling, as the gateway established it and forwards it to the subgraphs. */

export const SCOPES = ['hub:read', 'hub:write', 'hub:admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Identity {
  /** The token's subject; null for an anonymous caller. */
  readonly subject: string | null;
  readonly scopes: readonly Scope[];
  /** The token's id (`jti`), when it has one: service tokens do, so they can be revoked. */
  readonly tokenId?: string;
  /** True for a token limited to persisted operations (a service token made with --safelist). */
  readonly safelist?: boolean;
}

export const ANONYMOUS_READER: Identity = Object.freeze({ subject: null, scopes: Object.freeze(['hub:read'] as Scope[]) });

/** Scopes nest: admin may do everything a writer may, a writer everything a reader may. */
const IMPLIED: Record<Scope, readonly Scope[]> = {
  'hub:read': ['hub:read'],
  'hub:write': ['hub:write', 'hub:read'],
  'hub:admin': ['hub:admin', 'hub:write', 'hub:read'],
};

export function hasScope(identity: Identity, scope: Scope): boolean {
  return identity.scopes.some((held) => IMPLIED[held].includes(scope));
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

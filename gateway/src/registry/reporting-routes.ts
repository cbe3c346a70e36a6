/**
 * The registry endpoints reporting tools need an operator for: service tokens
 * (`/registry/tokens`, hub:admin) and persisted operations (`/registry/operations`; publishing
 * and removing need hub:admin, listing hub:read). Refusals are a status and a sentence, and a
 * refused request stores nothing.
 */
import { jsonReply } from '@hub/core';
import type { GraphQLSchema } from 'graphql';
import { checkAgainstSchema, ManifestError, readManifest } from '../persisted-manifest.js';
import { parseLifetime, parseScopes } from '../token.js';
import { body, refuse, text } from './http-input.js';
import { OperationConflict, type OperationStore } from './persisted-operations.js';
import type { RegistryAccess, RegistryHandler } from './registry-routes.js';
import { TokenNameTaken, type ServiceTokenRecord, type ServiceTokenStore } from './service-tokens.js';

const TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const DEFAULT_LIFETIME_DAYS = 30;

export interface ReportingRoutesOptions {
  tokens: ServiceTokenStore;
  operations: OperationStore;
  maxTokenDays: number;
  issuer: string;
  audience: string;
  /** This gateway revoked a token: refuse it here at once. */
  revoked(record: ServiceTokenRecord): void;
  /** This gateway published or removed operations: forget what it remembered of these ids. */
  changed(ids: readonly string[]): void;
  /** The schema clients see now, which published operations must fit. */
  apiSchema(): Promise<GraphQLSchema>;
}

function status(record: ServiceTokenRecord, now = new Date()): 'live' | 'revoked' | 'expired' {
  if (record.revokedAt) return 'revoked';
  return record.expiresAt <= now ? 'expired' : 'live';
}

function shown(record: ServiceTokenRecord) {
  return {
    id: record._id,
    name: record.name,
    scopes: record.scopes,
    safelist: record.safelist,
    status: status(record),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt ?? null,
  };
}

export function reportingRoutes(options: ReportingRoutesOptions): (access: RegistryAccess) => Record<string, RegistryHandler> {
  const { tokens, operations } = options;
  return ({ admin, reader }) => ({
    'POST tokens': async (request) => {
      const identity = await admin(request);
      const input = body(request);
      const name = text(input.name, 'name', true);
      if (!TOKEN_NAME.test(name)) throw refuse(400, 'BAD_NAME', `"${name}" is not a valid token name: use 2 to 64 lower-case letters, digits, dots, dashes and underscores, e.g. "powerbi-weekly".`);
      const scopesText = Array.isArray(input.scopes) && input.scopes.every((scope) => typeof scope === 'string') ? input.scopes.join(',') : text(input.scopes, 'scopes', true);
      let scopes;
      try {
        scopes = parseScopes(scopesText);
      } catch (error) {
        throw refuse(400, 'BAD_SCOPES', `${(error as Error).message}.`);
      }
      if (scopes.length === 0) throw refuse(400, 'BAD_SCOPES', '"scopes" is required: hub:read, hub:write and/or hub:admin.');
      if (input.safelist !== undefined && typeof input.safelist !== 'boolean') throw refuse(400, 'BAD_REQUEST', '"safelist" must be true or false.');
      const expires = text(input.expires, 'expires', false) ?? `${Math.min(DEFAULT_LIFETIME_DAYS, options.maxTokenDays)}d`;
      let lifetimeSeconds: number;
      try {
        lifetimeSeconds = parseLifetime(expires, options.maxTokenDays);
      } catch (error) {
        throw refuse(400, 'BAD_EXPIRY', `${(error as Error).message.replace(/^./, (c) => c.toUpperCase())}. Nothing was stored.`);
      }
      try {
        const { record, token } = await tokens.create({ name, scopes, safelist: input.safelist === true, lifetimeSeconds, createdBy: identity.subject ?? 'operator', issuer: options.issuer, audience: options.audience });
        return jsonReply(201, { ...shown(record), token });
      } catch (error) {
        if (error instanceof TokenNameTaken) throw refuse(409, 'EXISTS', `A live token named "${name}" exists; revoke it first with "hub token revoke ${name}", or choose another name. Nothing was stored.`);
        throw error;
      }
    },
    'GET tokens': async (request) => {
      await admin(request);
      return jsonReply(200, { tokens: (await tokens.list()).map(shown) });
    },
    'POST tokens/*/revoke': async (request, [nameOrId]) => {
      const identity = await admin(request);
      const result = await tokens.revoke(nameOrId!, identity.subject ?? 'operator');
      if (!result) throw refuse(404, 'UNKNOWN_TOKEN', `No live token is named "${nameOrId}" and no token has that id; "hub token list" shows them.`);
      options.revoked(result.record);
      return jsonReply(200, { ...shown(result.record), alreadyRevoked: result.already });
    },
    'POST operations': async (request) => {
      const identity = await admin(request);
      const input = body(request);
      if (input.manifest === undefined) throw refuse(400, 'BAD_REQUEST', '"manifest" is required: the parsed contents of the manifest file.');
      let manifest;
      try {
        manifest = readManifest(input.manifest);
        checkAgainstSchema(await options.apiSchema(), manifest.operations);
      } catch (error) {
        if (error instanceof ManifestError) return jsonReply(422, { error: { code: 'BAD_MANIFEST', message: /nothing was stored/.test(error.message) ? error.message : `${error.message}. Nothing was stored.`, problems: error.problems } });
        throw error;
      }
      try {
        const { added, unchanged } = await operations.publish(manifest.format, manifest.operations, identity.subject ?? 'operator');
        options.changed(added);
        return jsonReply(201, { format: manifest.format, added: added.length, unchanged: unchanged.length, operations: manifest.operations.map(({ id, name, type }) => ({ id, name, type })) });
      } catch (error) {
        if (error instanceof OperationConflict) throw refuse(409, 'CONFLICT', `The manifest was refused: ${error.message}. An id keeps its document: remove the old one first ("hub operations remove <id>"), or give the new document its own id. Nothing was stored.`);
        throw error;
      }
    },
    'GET operations': async (request) => {
      await reader(request);
      const rows = await operations.list();
      return jsonReply(200, { operations: rows.map(({ _id, name, type, format, publishedAt, publishedBy }) => ({ id: _id, name, type, format, publishedAt, publishedBy })) });
    },
    'DELETE operations/*': async (request, [id]) => {
      await admin(request);
      if (!(await operations.remove(id!))) throw refuse(404, 'UNKNOWN_OPERATION', `No published operation has the id "${id}"; "hub operations list" shows them.`);
      options.changed([id!]);
      return jsonReply(200, { id, removed: true });
    },
  });
}

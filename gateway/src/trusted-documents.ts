/**
 * Runs a published operation by its id, before Apollo sees the request: a caller sends
 * `documentId` (the GraphQL-over-HTTP trusted-documents shape) or
 * `extensions.persistedQuery.sha256Hash` (the APQ shape Apollo Client and Codegen send) with
 * the id from its manifest, and the gateway puts the published document in its place.
 *
 * A token made with `--safelist` may run only published operations. Any other caller may still
 * send a query, and an APQ hash the registry does not know is left to Apollo's automatic
 * persisted queries (which answer PERSISTED_QUERY_NOT_FOUND until the client sends the query once).
 */
import { errorReply, type Identity, type RawRequest, type Reply } from '@hub/core';
import type { PersistedOperation } from './registry/persisted-operations.js';

export type Prepare = (request: RawRequest, operation: Record<string, unknown>) => Promise<{ operation: Record<string, unknown> } | { reply: Reply }>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const PUBLISH_HINT = 'publish it with "npm run hub -- operations publish <manifest>"';

export function trustedDocuments(options: {
  /** The published operation with that id, or null. */
  lookup: (id: string) => Promise<PersistedOperation | null>;
  /** The caller, or undefined when its token is refused (that is answered later, in its own words). */
  identify: (request: RawRequest) => Promise<Identity | undefined>;
}): Prepare {
  return async (request, operation) => {
    const { documentId } = operation;
    if (documentId !== undefined && (typeof documentId !== 'string' || documentId === '')) {
      return { reply: errorReply(400, 'BAD_REQUEST', '"documentId" must be a string: the id of a published operation.') };
    }
    const extensions = isRecord(operation.extensions) ? operation.extensions : undefined;
    const persisted = isRecord(extensions?.persistedQuery) ? extensions.persistedQuery : undefined;
    const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
    const id = (documentId as string | undefined) ?? hash;
    const identity = await options.identify(request);

    if (id === undefined) {
      if (!identity?.safelist) return { operation };
      return {
        reply: errorReply(
          403,
          'PERSISTED_OPERATIONS_ONLY',
          'This token may run only published operations (it was created with --safelist): send "documentId" (or extensions.persistedQuery.sha256Hash) with the id of an operation published by "hub operations publish", not a query.',
        ),
      };
    }

    let published: PersistedOperation | null;
    try {
      published = await options.lookup(id);
    } catch {
      return { reply: errorReply(503, 'REGISTRY_UNAVAILABLE', `The published operation "${id}" cannot be looked up right now: the registry database does not answer. Try again shortly.`) };
    }
    if (!published) {
      // An APQ hash from a caller that may send queries: Apollo's own cache answers it.
      if (documentId === undefined && !identity?.safelist) return { operation };
      return { reply: errorReply(400, 'PERSISTED_OPERATION_NOT_FOUND', `No published operation has the id "${id}"; ${PUBLISH_HINT}, or check the id in the client's manifest.`) };
    }
    if (typeof operation.query === 'string' && operation.query !== published.body) {
      return { reply: errorReply(400, 'BAD_REQUEST', `The query sent is not the operation published as "${id}"; send only the id.`) };
    }
    // Apollo would check a persistedQuery hash against the document, which Relay's and custom ids are not.
    const { documentId: _id, extensions: _extensions, ...rest } = operation;
    const { persistedQuery: _persisted, ...otherExtensions } = extensions ?? {};
    return { operation: { ...rest, query: published.body, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) } };
  };
}

/**
 * Reads the manifests that client build tools write for trusted documents, in the three shapes
 * they come in, into one list of operations (id, document, name, type):
 *
 * - Apollo Client's `persisted-query-manifest.json` (generate-persisted-query-manifest):
 *   `{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, name, type, body }] }`;
 *   ids are the SHA-256 of the body unless the project chose its own (`createOperationId`), so a
 *   64-hex id is checked against its body and another id is taken as given;
 * - Relay's persisted queries (relay-compiler `persistConfig.file`) and GraphQL Codegen's client
 *   preset (`persisted-documents.json`): `{ "<hash>": "<document>" }`, where every key is a
 *   content hash (MD5 by Relay's default, SHA-1 or SHA-256, told apart by their length) and is
 *   checked against its document.
 *
 * Any problem refuses the whole manifest, with every problem listed, so nothing half-published
 * reaches the registry.
 */
import { createHash } from 'node:crypto';
import { Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

export type ManifestFormat = 'apollo' | 'relay' | 'graphql-codegen';

export interface ManifestOperation {
  readonly id: string;
  readonly body: string;
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
}

export class ManifestError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}` : message);
  }
}

const HASHES: Record<number, 'md5' | 'sha1' | 'sha256'> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's single operation, or a sentence saying why it is not one. */
function operationOf(id: string, body: string): { operation?: OperationDefinitionNode; problem?: string } {
  let document;
  try {
    document = parse(body, { noLocation: true });
  } catch (error) {
    return { problem: `"${id}" is not valid GraphQL (${(error as Error).message})` };
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return { problem: `"${id}" holds ${operations.length} operations; a persisted document holds exactly one` };
  return { operation: operations[0] };
}

/** The problem with a content-hash id, if any: not a hash, or not the hash of its body. */
function hashProblem(id: string, body: string): string | undefined {
  const algorithm = /^[0-9a-f]+$/i.test(id) ? HASHES[id.length] : undefined;
  if (!algorithm) return `"${id}" is not a content hash of its document (MD5, SHA-1 or SHA-256 in hex)`;
  const computed = createHash(algorithm).update(body).digest('hex');
  if (computed !== id.toLowerCase()) return `"${id}" does not match its document: its ${algorithm.toUpperCase()} is ${computed}`;
  return undefined;
}

function detect(manifest: unknown): ManifestFormat {
  if (isRecord(manifest) && 'format' in manifest) {
    if (manifest.format === 'apollo-persisted-query-manifest') return 'apollo';
    throw new ManifestError(`Unknown manifest format ${JSON.stringify(manifest.format)}: this hub reads Apollo Client's "apollo-persisted-query-manifest", Relay's and GraphQL Codegen's { "<hash>": "<document>" } maps`);
  }
  if (isRecord(manifest) && Object.keys(manifest).length > 0 && Object.values(manifest).every((value) => typeof value === 'string')) {
    // Both write the same map; Codegen's client preset hashes with SHA-256 by default, Relay with MD5.
    return Object.keys(manifest).every((id) => /^[0-9a-f]{64}$/i.test(id)) ? 'graphql-codegen' : 'relay';
  }
  throw new ManifestError(
    'Unknown manifest format: expected Apollo Client\'s persisted-query-manifest.json ({ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }), or a map of ids to documents as Relay and GraphQL Codegen write ({ "<hash>": "<document>" })',
  );
}

export function readManifest(manifest: unknown): { format: ManifestFormat; operations: ManifestOperation[] } {
  const format = detect(manifest);
  const problems: string[] = [];
  const entries: Array<{ id: string; body: string; checkHash: boolean }> = [];

  if (format === 'apollo') {
    const apollo = manifest as Record<string, unknown>;
    if (apollo.version !== 1) throw new ManifestError(`This Apollo manifest is version ${JSON.stringify(apollo.version)}; this hub reads version 1`);
    if (!Array.isArray(apollo.operations)) throw new ManifestError('This Apollo manifest has no "operations" list');
    apollo.operations.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '' || typeof entry.body !== 'string') {
        problems.push(`operation ${index + 1} needs a string "id" and "body"`);
        return;
      }
      entries.push({ id: entry.id, body: entry.body, checkHash: /^[0-9a-f]{64}$/i.test(entry.id) });
    });
  } else {
    for (const [id, body] of Object.entries(manifest as Record<string, string>)) entries.push({ id, body, checkHash: true });
  }

  const seen = new Map<string, string>();
  const operations: ManifestOperation[] = [];
  for (const { id, body, checkHash } of entries) {
    if (seen.has(id) && seen.get(id) !== body) problems.push(`"${id}" appears twice with different documents`);
    seen.set(id, body);
    const hash = checkHash ? hashProblem(id, body) : undefined;
    if (hash) problems.push(hash);
    const { operation, problem } = operationOf(id, body);
    if (problem) problems.push(problem);
    if (operation && !hash) operations.push({ id, body, name: operation.name?.value ?? null, type: operation.operation });
  }
  if (entries.length === 0) problems.push('it lists no operations');
  if (problems.length > 0) throw new ManifestError(`The manifest was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was stored`, problems);
  return { format, operations: [...new Map(operations.map((operation) => [operation.id, operation])).values()] };
}

/**
 * Refuses the manifest when an operation would fail against the graph as it is served now (a
 * field that does not exist, a wrong argument): better said at publish than at the tool's first run.
 */
export function checkAgainstSchema(schema: GraphQLSchema, operations: readonly ManifestOperation[]): void {
  const problems = operations.flatMap((operation) => validate(schema, parse(operation.body, { noLocation: true })).map((error) => `"${operation.id}" (${operation.name ?? 'anonymous'}) does not fit the graph: ${error.message}`));
  if (problems.length > 0) throw new ManifestError(`The manifest was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was stored`, problems);
}

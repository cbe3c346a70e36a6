/**
 * What clients actually use, so a schema change can be judged by its effect on them: for each
 * operation (normalised and hashed) and client, the schema coordinates it selects, counted in
 * daily buckets. Counted in memory on the request path (a map increment) and written in batches
 * off it, so recording never slows or fails a request.
 */
import { createHash } from 'node:crypto';
import {
  getNamedType,
  Kind,
  print,
  separateOperations,
  stripIgnoredCharacters,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The operation with literals hidden and whitespace removed: the same shape hashes the same. */
export function normalizeOperation(document: DocumentNode, operationName: string | undefined): string {
  const operations = separateOperations(document);
  const single = operationName ? operations[operationName] : Object.values(operations)[0];
  const hidden = visit(single ?? document, {
    StringValue: () => ({ kind: Kind.STRING, value: '' }),
    IntValue: () => ({ kind: Kind.INT, value: '0' }),
    FloatValue: () => ({ kind: Kind.FLOAT, value: '0' }),
  });
  return stripIgnoredCharacters(print(hidden));
}

export function operationHash(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}

// Apollo's document cache hands back the same document object, so each is hashed once per name.
const hashes = new WeakMap<DocumentNode, Map<string, string>>();

/** The hash of an operation of a parsed document (normalised first), computed once per document. */
export function hashOfOperation(document: DocumentNode, operationName: string | undefined): string {
  let byName = hashes.get(document);
  if (!byName) hashes.set(document, (byName = new Map()));
  let hash = byName.get(operationName ?? '');
  if (hash === undefined) byName.set(operationName ?? '', (hash = operationHash(normalizeOperation(document, operationName))));
  return hash;
}

/**
 * Every `Type.field` the operation selects (on the type it is selected on, interfaces
 * included), every argument given as `Type.field(arg:)`, and every input or enum type it names.
 */
export function schemaCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName?: string): string[] {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  const wanted = new Set<unknown>(document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION || definition === operation));
  for (const definition of wanted) {
    visit(
      definition as DocumentNode['definitions'][number],
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && !node.name.value.startsWith('__')) coordinates.add(`${parent.name}.${node.name.value}`);
        },
        Argument(node) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (parent && field) coordinates.add(`${parent.name}.${field.name}(${node.name.value}:)`);
        },
        EnumValue(node) {
          const type = typeInfo.getInputType();
          if (type) coordinates.add(`${getNamedType(type).name}.${node.value}`);
        },
        VariableDefinition(node) {
          let type = node.type;
          while (type.kind !== Kind.NAMED_TYPE) type = type.type;
          coordinates.add(type.name.value);
        },
      }),
    );
  }
  return [...coordinates].sort();
}

export interface UsageEntry {
  /** UTC day, "2026-11-24". */
  readonly day: string;
  readonly operationHash: string;
  readonly operationName: string | null;
  readonly client: string;
  readonly coordinates: readonly string[];
  readonly count: number;
}

/** Counts operations per day, hash and client; `drain` hands the counts over and starts afresh. */
export class UsageCounter {
  private entries = new Map<string, UsageEntry>();

  record(entry: Omit<UsageEntry, 'count' | 'day'>, now = new Date()): void {
    const day = now.toISOString().slice(0, 10);
    const key = `${day}\u0000${entry.operationHash}\u0000${entry.client}`;
    const current = this.entries.get(key);
    this.entries.set(key, { ...entry, day, count: (current?.count ?? 0) + 1 });
  }

  drain(): UsageEntry[] {
    const drained = [...this.entries.values()];
    this.entries = new Map();
    return drained;
  }

  /** Puts back entries a failed write could not store, so a retry counts them once. */
  restore(entries: readonly UsageEntry[]): void {
    for (const entry of entries) {
      const key = `${entry.day}\u0000${entry.operationHash}\u0000${entry.client}`;
      const current = this.entries.get(key);
      this.entries.set(key, { ...entry, count: entry.count + (current?.count ?? 0) });
    }
  }
}

/**
 * Which stored properties a page's selected fields read, so that a root list asks the store for
 * those alone. At scale an event is 8.7 KB as stored, and a list of its ids needs 40 bytes of it;
 * decoding whole records was most of what a page of 100 cost the embedded store.
 *
 * A selected field is read as the property of its name. A field whose value a resolver computes
 * (a `@FieldResolver` of the type, or a getter of the class) must say what it reads in the
 * list's `FieldReads` (`organizer: ['organizerId']`); `id` reads `_id`. One selected field that
 * is neither makes the answer `undefined`, and the whole record is loaded as before: a resolver
 * added without its reads costs speed, never a wrong answer.
 */
import type { EntityClass } from '@mikro-orm/core';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { SubgraphContext } from './context.js';

/** For each field a resolver computes: the stored properties it reads. */
export type FieldReads<T> = Partial<Record<string, ReadonlyArray<keyof T & string>>>;

/** The path from a list field to its records: a connection's `edges { node { … } } }`. */
const PAGE_NODE_PATH = ['edges', 'node'];

/** `id` is HubRecord's getter of `_id`. */
const BASE_READS: Record<string, string[]> = { id: ['_id'] };

/**
 * The properties that the fields selected at `path` under the list field read, besides the
 * primary key (always loaded); `undefined` when some selected field's reads are not known.
 */
export function selectedProperties<T>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  info: GraphQLResolveInfo,
  reads: FieldReads<T> = {},
  path: readonly string[] = PAGE_NODE_PATH,
): string[] | undefined {
  const fields = fieldsAt(info, path);
  const stored = ctx.em.getMetadata().find(entity)?.properties ?? {};
  const computed = computedFields(entity);
  const properties = new Set<string>();
  for (const field of fields) {
    if (field.startsWith('__')) continue; // __typename: known without reading
    const declared = reads[field] ?? BASE_READS[field];
    if (declared) declared.forEach((property) => properties.add(property));
    else if (computed.has(field) || !(field in stored)) return undefined;
    else properties.add(field);
  }
  return [...properties];
}

/** Names of the fields selected at `path` below the resolver's field, through fragments, whatever their alias or directives. */
function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    level = level.flatMap((set) => fieldNodes(info, set).filter((node) => node.name.value === name).flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])));
  }
  return new Set(level.flatMap((set) => fieldNodes(info, set).map((node) => node.name.value)));
}

function fieldNodes(info: GraphQLResolveInfo, set: SelectionSetNode): FieldNode[] {
  return set.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return fragment ? fieldNodes(info, fragment.selectionSet) : [];
  });
}

const computedByEntity = new WeakMap<Function, Set<string>>();

/** The entity type's fields that a resolver computes: its `@FieldResolver`s and the getters of the class and its bases. */
function computedFields(entity: Function): Set<string> {
  let computed = computedByEntity.get(entity);
  if (!computed) {
    const storage = getMetadataStorage();
    const resolvedType = (target: Function) => {
      const resolverClass = storage.resolverClasses.find((candidate) => candidate.target === target);
      return resolverClass?.getObjectType?.();
    };
    computed = new Set(
      storage.fieldResolvers
        .filter((resolver) => (resolver.kind === 'internal' ? resolver.target === entity || entity.prototype instanceof resolver.target : resolvedType(resolver.target) === entity))
        .map((resolver) => resolver.schemaName),
    );
    computedByEntity.set(entity, computed);
  }
  return computed;
}

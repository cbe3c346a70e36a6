/**
 * How deep and how costly an operation is, estimated before the query planner or any subgraph
 * sees it, in time linear in the document: each fragment is analysed once and its result reused
 * at every spread. (A 730-byte document whose fragments each spread the previous one ten times,
 * eight levels down, stands for 10^8 fields; walking it spread by spread froze the gateway.)
 *
 * Cost: every field costs 1, plus what it selects times how many of it there may be — a
 * connection's `first` (or its default page size), a list's `first` or a typical list size —
 * so nesting multiplies. Introspection (`__schema`, `__type`, `__typename`) is free and does not
 * count toward depth: tools must always be able to load the schema.
 */
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** The page size a connection has when a client gives no `first` (the kit's DEFAULT_PAGE_SIZE). */
export const DEFAULT_PAGE_SIZE = 20;
/** What a plain list (participants, positions, …) is assumed to hold when nothing bounds it. */
export const TYPICAL_LIST_SIZE = 10;

export interface Analysis {
  depth: number;
  cost: number;
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The `first` a field will run with: a literal, a variable's value or its declared default, or
 * the argument's own default in the schema; undefined when none of these says. (A variable whose
 * default is 1000 and that the request leaves out still fetches 1000: it must be priced so.)
 */
function firstOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: Record<string, unknown>,
  variableDefaults: ReadonlyMap<string, ValueNode>,
): number | undefined {
  const literal = (value: ValueNode | undefined): number | undefined => (value?.kind === Kind.INT ? Number(value.value) : undefined);
  const argument = field.arguments?.find((arg) => arg.name.value === 'first');
  const schemaDefault = definition?.args.find((arg) => arg.name === 'first')?.defaultValue;
  const fallback = typeof schemaDefault === 'number' ? schemaDefault : undefined;
  if (!argument) return fallback;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    const given = variables[name];
    if (typeof given === 'number') return given;
    if (given === undefined) return literal(variableDefaults.get(name)) ?? fallback;
    return fallback;
  }
  return literal(value) ?? fallback;
}

/**
 * Analyses one operation of `document`. Without a schema only the depth is meaningful (the cost
 * of every field is then 1, unmultiplied).
 */
export function analyzeOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema | undefined,
  variables: Record<string, unknown> = {},
): Analysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  const done = new Map<string, Analysis>();
  const inProgress = new Set<string>();

  const fieldOf = (typeName: string | undefined, name: string): GraphQLField<unknown, unknown> | undefined => {
    const type = typeName && schema ? schema.getType(typeName) : undefined;
    return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
  };

  function fragment(name: string): Analysis {
    const cached = done.get(name);
    if (cached) return cached;
    const definition = fragments.get(name);
    // A cycle or an unknown fragment is reported by graphql's own validation; it adds nothing here.
    if (!definition || inProgress.has(name)) return { depth: 0, cost: 0 };
    inProgress.add(name);
    const result = selectionSet(definition.selectionSet, definition.typeCondition.name.value);
    inProgress.delete(name);
    done.set(name, result);
    return result;
  }

  function selectionSet(set: SelectionSetNode, typeName: string | undefined): Analysis {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let part: Analysis;
      if (selection.kind === Kind.FIELD) part = field(selection, typeName);
      else if (selection.kind === Kind.INLINE_FRAGMENT) part = selectionSet(selection.selectionSet, selection.typeCondition?.name.value ?? typeName);
      else part = fragment(selection.name.value);
      depth = Math.max(depth, part.depth);
      cost += part.cost;
    }
    return { depth, cost };
  }

  function field(node: FieldNode, parentType: string | undefined): Analysis {
    if (node.name.value.startsWith('__')) return { depth: 0, cost: 0 };
    const definition = fieldOf(parentType, node.name.value);
    const returns = definition ? getNamedType(definition.type) : undefined;
    const inner = node.selectionSet ? selectionSet(node.selectionSet, returns?.name) : { depth: 0, cost: 0 };
    let times = 1;
    if (definition && node.selectionSet) {
      const first = firstOf(node, definition, variables, variableDefaults);
      if (returns?.name.endsWith('Connection')) times = first ?? DEFAULT_PAGE_SIZE;
      // A connection's own lists (edges) hold what the connection's `first` already counted.
      else if (isList(definition.type) && !parentType?.endsWith('Connection')) times = first ?? TYPICAL_LIST_SIZE;
    }
    return { depth: 1 + inner.depth, cost: 1 + Math.max(times, 0) * inner.cost };
  }

  return selectionSet(operation.selectionSet, schema ? (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType())?.name : undefined);
}

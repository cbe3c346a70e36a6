/**
 * What happens to the graph if a subgraph's schema changes (or it leaves): composition with the
 * other subgraphs, then the changes a client would see in the API schema, each with the schema
 * coordinate it concerns, so the registry can ask which recorded operations use it.
 *
 * Used by the registry before anything is stored: a candidate that does not compose, or that
 * breaks what clients use, never becomes the served supergraph.
 */
import { composeServices } from '@apollo/composition';
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  getLocation,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  Source,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type Location,
  type NameNode,
} from 'graphql';
import { apiSchemaSdl } from './api-schema.js';

export interface SubgraphSdl {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
  /** One of the hub's own subgraphs (its types are "the hub's" in messages). */
  readonly builtIn?: boolean;
}

export interface Problem {
  readonly message: string;
  /**
   * Where, when the parser or composer says: each location names the subgraph whose SDL it is
   * in, since a composition error often points into another subgraph's SDL as well.
   */
  readonly locations?: ReadonlyArray<{ line: number; column: number; subgraph?: string }>;
  readonly subgraph?: string;
}

export interface SchemaChange {
  readonly severity: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  /** graphql-js's change type, e.g. FIELD_REMOVED; for safe ones TYPE_ADDED, FIELD_ADDED, FIELD_DEPRECATED, ENUM_VALUE_DEPRECATED. */
  readonly type: string;
  readonly message: string;
  /** The schema coordinate a client's operation would use: `Type.field`, `Enum.VALUE` or `Type`. */
  readonly coordinate: string;
}

export type CheckResult =
  | { readonly ok: false; readonly stage: 'parse' | 'rules' | 'composition'; readonly problems: readonly Problem[] }
  | { readonly ok: true; readonly supergraph: string; readonly changes: readonly SchemaChange[] };

/** Parses SDL, reporting a syntax error with its location rather than throwing. */
function parseSdl(sdl: string, subgraph: string): DocumentNode | Problem {
  try {
    return parse(sdl);
  } catch (error) {
    const located = error as GraphQLError;
    return { message: located.message, locations: located.locations?.map(({ line, column }) => ({ line, column, subgraph })), subgraph };
  }
}

/**
 * The hub speaks Federation 2: a subgraph's SDL must link the federation spec (any version the
 * composer knows; it refuses the others). Without the link the composer would read it as
 * Federation 1, with other rules, and the check would pass things the gateway treats differently.
 */
function federationLinkProblems(document: DocumentNode, subgraph: string): Problem[] {
  const linked = document.definitions.some(
    (definition) =>
      (definition.kind === Kind.SCHEMA_EXTENSION || definition.kind === Kind.SCHEMA_DEFINITION) &&
      (definition.directives ?? []).some((directive) => {
        const url = directive.name.value === 'link' ? directive.arguments?.find((argument) => argument.name.value === 'url')?.value : undefined;
        return url?.kind === Kind.STRING && /\/federation\/v2\.\d+$/.test(url.value);
      }),
  );
  if (linked) return [];
  return [{ message: 'The SDL does not link Federation 2: start it with extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"]) (any v2.x the hub\'s composer knows); Federation 1 SDL is not accepted', subgraph }];
}

/** A directive's name without Federation's `federation__` prefix (used when a directive is not imported). */
const directiveName = (name: string) => name.replace(/^federation__/, '');
const hasDirective = (node: { directives?: readonly DirectiveNode[] }, name: string) => (node.directives ?? []).some((directive) => directiveName(directive.name.value) === name);

/** The `fields` of each @key on a definition, whitespace collapsed: `id`, `code`, `a { b }`. */
function keysOf(node: { directives?: readonly DirectiveNode[] }): string[] {
  return (node.directives ?? [])
    .filter((directive) => directiveName(directive.name.value) === 'key')
    .flatMap((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      return fields?.kind === Kind.STRING ? [fields.value.trim().replace(/\s+/g, ' ')] : [];
    });
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** A named type other subgraphs define: who, its keys (an entity has some) and the fields they resolve. */
interface OwnedType {
  readonly owner: string;
  readonly builtIn: boolean;
  readonly keys: Set<string>;
  readonly fields: Set<string>;
}

type NamedDefinition = Extract<DefinitionNode, { name: NameNode }> & { fields?: ReadonlyArray<FieldDefinitionNode | InputValueDefinitionNode>; values?: readonly EnumValueDefinitionNode[] };

function namedDefinitions(document: DocumentNode): NamedDefinition[] {
  return document.definitions.filter(
    (definition): definition is NamedDefinition =>
      'name' in definition && definition.name !== undefined && definition.kind !== Kind.DIRECTIVE_DEFINITION && definition.kind !== Kind.SCALAR_TYPE_DEFINITION && definition.kind !== Kind.SCALAR_TYPE_EXTENSION,
  );
}

/** The types (and root fields) the other subgraphs define; scalars are left out, declaring one to use it is harmless. */
function ownedTypes(others: ReadonlyArray<{ name: string; builtIn: boolean; document: DocumentNode }>): Map<string, OwnedType> {
  const owned = new Map<string, OwnedType>();
  for (const { name: owner, builtIn, document } of others) {
    for (const definition of namedDefinitions(document)) {
      const typeName = definition.name.value;
      const fields = (definition.fields ?? []).filter((field) => !hasDirective(field, 'external')).map((field) => field.name.value);
      const entry = owned.get(typeName) ?? { owner, builtIn, keys: new Set<string>(), fields: new Set<string>() };
      for (const key of keysOf(definition)) entry.keys.add(key);
      for (const field of [...fields, ...(definition.values ?? []).map((value) => value.name.value)]) entry.fields.add(field);
      owned.set(typeName, entry);
    }
  }
  return owned;
}

/** The hub's entities and their keys, e.g. `Event: id`, as a partner may extend them (from the hub's own subgraphs). */
export function hubEntities(subgraphs: readonly SubgraphSdl[]): Array<{ type: string; keys: string[] }> {
  const owned = ownedTypes(subgraphs.map(({ name, sdl, builtIn }) => ({ name, builtIn: builtIn ?? false, document: parse(sdl) })));
  return [...owned]
    .filter(([type, { keys }]) => keys.size > 0 && !ROOT_TYPES.has(type))
    .map(([type, { keys }]) => ({ type, keys: [...keys].sort() }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

const locationOf = (node: { loc?: Location }) => (node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : undefined);

/**
 * A subgraph may add to another's types only by extending an entity by one of its keys, with
 * fields of its own: it may not define the hub's fields again (Federation would let it resolve
 * them, and clients would get the partner's answers), take them with @override, share them with
 * @shareable or @interfaceObject, or redefine the hub's value types, enums and inputs. These are
 * told apart here in one sentence, before the composer's own (misleading) messages.
 */
export function ownershipProblems(candidate: DocumentNode, candidateName: string, others: ReadonlyArray<{ name: string; builtIn: boolean; document: DocumentNode }>): Problem[] {
  const owned = ownedTypes(others);
  const problems: Problem[] = [];
  const refuse = (node: { loc?: Location }, message: string) => problems.push({ message, locations: locationOf(node), subgraph: candidateName });
  const whose = (type: OwnedType) => (type.builtIn ? "the hub's" : `the ${type.owner} subgraph's`);
  const advice = (typeName: string, type: OwnedType) =>
    type.keys.size > 0 ? `extend an entity by its key (${typeName}: ${[...type.keys].map((key) => `\`${key}\``).join(' or ')}) or choose another name` : 'it is not an entity, so it cannot be extended: choose another name';
  for (const definition of namedDefinitions(candidate)) {
    const typeName = definition.name.value;
    const overriding = new Set<string>();
    for (const field of definition.fields ?? []) {
      if (!hasDirective(field, 'override')) continue;
      overriding.add(field.name.value);
      refuse(field, `${typeName}.${field.name.value} uses @override: a subgraph may not take fields from another subgraph; choose another name for your field`);
    }
    const type = owned.get(typeName);
    if (!type) continue;
    if (ROOT_TYPES.has(typeName)) {
      for (const field of definition.fields ?? []) {
        if (type.fields.has(field.name.value) && !overriding.has(field.name.value)) refuse(field, `${typeName}.${field.name.value} is ${whose(type)} field; choose another name`);
      }
      continue;
    }
    const isObject = definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
    if (!isObject || type.keys.size === 0) {
      refuse(definition, `${typeName} is ${whose(type)} type; ${advice(typeName, type)}`);
      continue;
    }
    const keys = keysOf(definition);
    if (keys.length === 0 || !keys.every((key) => type.keys.has(key))) {
      const declared = keys.length === 0 ? 'declared without @key' : `declared with @key(fields: ${keys.map((key) => `"${key}"`).join(', ')}), not its key`;
      refuse(definition, `${typeName} is ${whose(type)} type (${declared}); ${advice(typeName, type)}`);
      continue;
    }
    for (const game of ['shareable', 'interfaceObject']) {
      if (hasDirective(definition, game)) refuse(definition, `${typeName} is ${whose(type)} type and may not be marked @${game} by another subgraph; ${advice(typeName, type)}`);
    }
    const keyFields = new Set(keys.flatMap((key) => key.split(/[\s{}]+/).filter(Boolean)));
    for (const field of definition.fields ?? []) {
      const name = field.name.value;
      if (overriding.has(name)) continue;
      if (hasDirective(field, 'shareable')) refuse(field, `${typeName}.${name} may not be marked @shareable: ${typeName} is ${whose(type)} type; add fields of your own under names it does not use`);
      else if (type.fields.has(name) && !keyFields.has(name) && !hasDirective(field, 'external')) {
        refuse(field, `${typeName}.${name} is ${whose(type)} field: extending ${typeName}, a subgraph repeats only its key (${[...keys].map((key) => `\`${key}\``).join(' or ')}) and adds fields under names ${typeName} does not use`);
      }
    }
  }
  return problems;
}

/** The object types and interfaces another subgraph defines: the ones a candidate may only extend. */
function typesOf(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION
    ) {
      if (!['Query', 'Mutation', 'Subscription'].includes(definition.name.value)) names.add(definition.name.value);
    }
  }
  return names;
}

/**
 * Fields a candidate adds to types other subgraphs own must be nullable: when the candidate is
 * down, its fields become null and the rest of the answer stands. A non-null one would null its
 * whole parent (a partner's outage blanking an events list).
 */
export function nonNullContributions(candidate: DocumentNode, candidateName: string, others: ReadonlyArray<{ name: string; document: DocumentNode }>): Problem[] {
  const foreign = new Set(others.flatMap(({ document }) => [...typesOf(document)]));
  const problems: Problem[] = [];
  for (const definition of candidate.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    if (!foreign.has(typeName)) continue;
    const keys = new Set(
      (definition.directives ?? [])
        .filter((directive) => directive.name.value === 'key')
        .flatMap((directive) => {
          const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
          return fields?.kind === Kind.STRING ? fields.value.split(/[\s{}]+/).filter(Boolean) : [];
        }),
    );
    for (const field of definition.fields ?? []) {
      const external = field.directives?.some((directive) => directive.name.value === 'external');
      if (keys.has(field.name.value) || external || field.type.kind !== Kind.NON_NULL_TYPE) continue;
      problems.push({
        message: `${typeName}.${field.name.value} must be nullable: ${typeName} belongs to the hub, and a field a subgraph adds to it must be null, not break the whole answer, when that subgraph is down`,
        locations: field.loc ? [{ line: field.loc.startToken.line, column: field.loc.startToken.column }] : undefined,
        subgraph: candidateName,
      });
    }
  }
  return problems;
}

/** `Type.field` from graphql-js's change descriptions, `Enum.VALUE` for enum values, else the type. */
function coordinateOf(type: string, description: string): string {
  const enumValue = /^(\w+) was removed from enum type (\w+)/.exec(description) ?? /^(\w+) was added to enum type (\w+)/.exec(description);
  if (enumValue) return `${enumValue[2]}.${enumValue[1]}`;
  const field = /\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/.exec(description);
  if (field) return `${field[1]}.${field[2]}`;
  return /^(\w+)/.exec(description)?.[1] ?? type;
}

/**
 * What graphql-js does not report because nothing can break: types and fields added, fields and
 * enum values newly deprecated. Listed so a check and the history say what a version changed.
 */
function safeChanges(before: GraphQLSchema, after: GraphQLSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const add = (type: string, message: string, coordinate: string) => changes.push({ severity: 'SAFE', type, message, coordinate });
  for (const [name, type] of Object.entries(after.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const old = before.getType(name);
    if (!old) {
      add('TYPE_ADDED', `${name} was added.`, name);
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) && (isObjectType(old) || isInterfaceType(old) || isInputObjectType(old))) {
      const oldFields = old.getFields() as Record<string, { deprecationReason?: string | null }>;
      for (const [fieldName, field] of Object.entries(type.getFields() as Record<string, { deprecationReason?: string | null }>)) {
        const previous = oldFields[fieldName];
        if (!previous) add('FIELD_ADDED', `${name}.${fieldName} was added.`, `${name}.${fieldName}`);
        else if (field.deprecationReason && !previous.deprecationReason) add('FIELD_DEPRECATED', `${name}.${fieldName} was deprecated: ${field.deprecationReason}`, `${name}.${fieldName}`);
      }
    }
    if (isEnumType(type) && isEnumType(old)) {
      for (const value of type.getValues()) {
        const previous = old.getValue(value.name);
        if (previous && value.deprecationReason && !previous.deprecationReason) add('ENUM_VALUE_DEPRECATED', `${name}.${value.name} was deprecated: ${value.deprecationReason}`, `${name}.${value.name}`);
      }
    }
  }
  return changes;
}

/** Every change between two API schemas, most serious first: breaking, dangerous, then safe ones. */
export function diffApiSchemas(before: GraphQLSchema, after: GraphQLSchema): SchemaChange[] {
  return [
    ...findBreakingChanges(before, after).map((change) => ({ severity: 'BREAKING' as const, type: change.type, message: change.description, coordinate: coordinateOf(change.type, change.description) })),
    ...findDangerousChanges(before, after).map((change) => ({ severity: 'DANGEROUS' as const, type: change.type, message: change.description, coordinate: coordinateOf(change.type, change.description) })),
    ...safeChanges(before, after),
  ];
}

/** The changes clients would see going from one supergraph to another (a rollback's, say). */
export function diffSupergraphs(before: string, after: string): SchemaChange[] {
  return diffApiSchemas(buildSchema(apiSchemaSdl(before)), buildSchema(apiSchemaSdl(after)));
}

/** Composes subgraphs; problems carry the composer's own messages and locations. */
export function composeSubgraphs(subgraphs: readonly SubgraphSdl[]): { supergraph: string } | { problems: Problem[] } {
  // Each SDL parsed as a Source named after its subgraph, so an error's nodes say whose SDL they are in.
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(new Source(sdl, name)) })));
  if (result.errors) {
    return {
      problems: result.errors.map((error) => {
        const located = (error.nodes ?? []).flatMap((node) => (node.loc ? [{ ...getLocation(node.loc.source, node.loc.start), subgraph: node.loc.source.name }] : []));
        return { message: error.message, locations: located.length > 0 ? located : error.locations?.map(({ line, column }) => ({ line, column })) };
      }),
    };
  }
  return { supergraph: result.supergraphSdl };
}

/**
 * Checks a change to the graph: `candidate` replaces (or adds) the subgraph of that name, or
 * `remove` takes one away. `current` are the subgraphs served now; `currentSupergraph` is what
 * clients see now (absent for a first publish).
 */
export function checkChange(options: {
  current: readonly SubgraphSdl[];
  candidate?: SubgraphSdl;
  remove?: string;
  currentSupergraph?: string;
}): CheckResult {
  const { candidate, remove } = options;
  const others = options.current.filter((subgraph) => subgraph.name !== (candidate?.name ?? remove));
  if (candidate) {
    const parsed = parseSdl(candidate.sdl, candidate.name);
    if ('message' in parsed) return { ok: false, stage: 'parse', problems: [parsed] };
    const otherDocuments = others.map(({ name, sdl, builtIn }) => ({ name, builtIn: builtIn ?? false, document: parse(sdl) }));
    // Ownership first: a takeover is the real problem, and the other rules would only confuse it.
    const link = federationLinkProblems(parsed, candidate.name);
    const ownership = ownershipProblems(parsed, candidate.name, otherDocuments);
    const rules = link.length + ownership.length > 0 ? [...link, ...ownership] : nonNullContributions(parsed, candidate.name, otherDocuments);
    if (rules.length > 0) return { ok: false, stage: 'rules', problems: rules };
  }
  const composed = composeSubgraphs(candidate ? [...others, candidate] : others);
  if ('problems' in composed) return { ok: false, stage: 'composition', problems: composed.problems };
  const changes = options.currentSupergraph ? diffSupergraphs(options.currentSupergraph, composed.supergraph) : [];
  return { ok: true, supergraph: composed.supergraph, changes };
}

const FEDERATION_ADDED = /^(_|federation__|link__|join__)/;

/** Each type of a subgraph's SDL with its fields (printed with arguments and type), enum values or union members; extensions merged. */
function shapes(sdl: string): Map<string, Map<string, string>> {
  const types = new Map<string, Map<string, string>>();
  for (const definition of namedDefinitions(parse(sdl))) {
    const name = definition.name.value;
    // Subgraph libraries serve Federation's own additions (_service, _entities, _Any, link__Import…) too.
    if (FEDERATION_ADDED.test(name)) continue;
    const members = types.get(name) ?? new Map<string, string>();
    for (const field of definition.fields ?? []) {
      if (FEDERATION_ADDED.test(field.name.value)) continue;
      const args = 'arguments' in field && field.arguments ? [...field.arguments].map((arg) => `${arg.name.value}: ${print(arg.type)}`).sort().join(', ') : '';
      members.set(field.name.value, `(${args}): ${print(field.type)}`);
    }
    for (const value of definition.values ?? []) members.set(value.name.value, 'value');
    if ('types' in definition) for (const member of (definition.types as readonly NamedTypeNode[] | undefined) ?? []) members.set(member.name.value, 'member');
    types.set(name, members);
  }
  return types;
}

/**
 * What a schema about to be published says that the running subgraph does not serve the same
 * way: a type or field it lacks, a field with other arguments or type, an enum or union that
 * differs. Empty when the gateway can route the schema to it. The subgraph may serve more
 * fields (deploy first, then publish), and directives and descriptions (e.g. @deprecated) may
 * differ: neither makes a routed query fail.
 */
export function unservedDifferences(published: string, served: string): string[] {
  const [wanted, actual] = [shapes(published), shapes(served)];
  const problems: string[] = [];
  for (const [type, members] of wanted) {
    if (ROOT_TYPES.has(type) && members.size === 0) continue;
    const there = actual.get(type);
    if (!there) {
      problems.push(type);
      continue;
    }
    const closed = [...members.values(), ...there.values()].some((kind) => kind === 'value' || kind === 'member');
    if (closed && [...there.keys()].some((member) => !members.has(member))) problems.push(type);
    for (const [member, shape] of members) if (there.get(member) !== shape) problems.push(closed ? type : `${type}.${member}`);
  }
  return [...new Set(problems)].sort();
}

/**
 * The schema coordinates (`Type.field`) a subgraph resolves itself: its fields, less those
 * another subgraph also defines (the keys it repeats, external ones). What a partner's publish
 * token may read the usage of.
 */
export function ownCoordinates(sdl: string, others: readonly string[]): Set<string> {
  const fieldsOf = (document: DocumentNode, includeExternal: boolean) =>
    namedDefinitions(document).flatMap((definition) =>
      [...(definition.fields ?? []).filter((field) => includeExternal || !hasDirective(field, 'external')), ...(definition.values ?? [])].map((field) => `${definition.name.value}.${field.name.value}`),
    );
  const elsewhere = new Set(others.flatMap((other) => fieldsOf(parse(other), false)));
  return new Set(fieldsOf(parse(sdl), false).filter((coordinate) => !elsewhere.has(coordinate)));
}

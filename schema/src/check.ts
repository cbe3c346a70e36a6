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
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { apiSchemaSdl } from './api-schema.js';

export interface SubgraphSdl {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

export interface Problem {
  readonly message: string;
  /** Where in the candidate's SDL, when the composer or parser says. */
  readonly locations?: ReadonlyArray<{ line: number; column: number }>;
  readonly subgraph?: string;
}

export interface SchemaChange {
  readonly severity: 'BREAKING' | 'DANGEROUS';
  /** graphql-js's change type, e.g. FIELD_REMOVED. */
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
    return { message: located.message, locations: located.locations, subgraph };
  }
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

/** Every change between two API schemas a client could notice, most serious first. */
export function diffApiSchemas(before: GraphQLSchema, after: GraphQLSchema): SchemaChange[] {
  return [
    ...findBreakingChanges(before, after).map((change) => ({ severity: 'BREAKING' as const, type: change.type, message: change.description, coordinate: coordinateOf(change.type, change.description) })),
    ...findDangerousChanges(before, after).map((change) => ({ severity: 'DANGEROUS' as const, type: change.type, message: change.description, coordinate: coordinateOf(change.type, change.description) })),
  ];
}

/** Composes subgraphs; problems carry the composer's own messages and locations. */
export function composeSubgraphs(subgraphs: readonly SubgraphSdl[]): { supergraph: string } | { problems: Problem[] } {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    return {
      problems: result.errors.map((error) => ({
        message: error.message,
        locations: error.locations?.map(({ line, column }) => ({ line, column })),
      })),
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
    const otherDocuments = others.map(({ name, sdl }) => ({ name, document: parse(sdl) }));
    const rules = nonNullContributions(parsed, candidate.name, otherDocuments);
    if (rules.length > 0) return { ok: false, stage: 'rules', problems: rules };
  }
  const composed = composeSubgraphs(candidate ? [...others, candidate] : others);
  if ('problems' in composed) return { ok: false, stage: 'composition', problems: composed.problems };
  const changes = options.currentSupergraph
    ? diffApiSchemas(buildSchema(apiSchemaSdl(options.currentSupergraph)), buildSchema(apiSchemaSdl(composed.supergraph)))
    : [];
  return { ok: true, supergraph: composed.supergraph, changes };
}

import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { hasScope, isScope } from '@hub/core';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import type { SubgraphContext } from './context.js';

/**
 * type-graphql never writes the Federation 2 link; without it composition reads the schema as
 * Federation 1. v2.9 is within what @apollo/composition 2.14 accepts.
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/** Mutations carry `@Authorized('hub:write')`; the forwarded identity must hold that scope. */
const authChecker: AuthChecker<SubgraphContext> = ({ context, info }, scopes) => {
  const missing = scopes.filter((scope) => !(isScope(scope) && hasScope(context.identity, scope)));
  if (missing.length === 0) return true;
  throw new GraphQLError(`${info.fieldName} needs the ${missing.join(', ')} scope, which the caller does not have.`, {
    extensions: { code: 'FORBIDDEN' },
  });
};

/** `__resolveReference` per entity type, merged into type-graphql's resolver map. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: SubgraphContext) => unknown }>;

export interface SchemaParts {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
}

export interface FederatedSchema {
  readonly schema: GraphQLSchema;
  /** The subgraph's SDL as composition reads it (checked in as schema.graphql). */
  readonly sdl: string;
}

/** The one place a subgraph schema is built: type-graphql classes → Federation 2 subgraph. */
export async function buildFederatedSchema(parts: SchemaParts): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes ?? [],
    authChecker,
    authMode: 'error',
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}\n`;
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, reference] of Object.entries(parts.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}

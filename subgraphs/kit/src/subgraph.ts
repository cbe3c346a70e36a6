import type { NonEmptyArray } from 'type-graphql';
import type { ReferenceResolvers } from './schema.js';

/** Everything that makes one subgraph what it is; the kit supplies the rest. */
export interface SubgraphDefinition {
  /** Lower-case name: the database, the variables' prefix and the supergraph's subgraph name. */
  readonly name: string;
  readonly defaultPort: number;
  /** MikroORM entities and embeddables of this subgraph's database. */
  readonly entities: Function[];
  readonly resolvers: NonEmptyArray<Function>;
  /** Types no field reaches from Query, e.g. entity stubs only used in `_entities`. */
  readonly orphanedTypes?: Function[];
  readonly references?: ReferenceResolvers;
}

import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the knowledge subgraph; organization records point at it by id. */
@ObjectType({ description: 'A source document (owned by the knowledge subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class SourceDocument {
  @Field(() => ID)
  id!: string;

  static ref(id: string): SourceDocument {
    return Object.assign(new SourceDocument(), { id });
  }
}

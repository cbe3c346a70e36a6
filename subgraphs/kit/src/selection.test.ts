import { MikroORM } from '@mikro-orm/mongodb';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import type { GraphQLResolveInfo } from 'graphql';
import { createRequire } from 'node:module';
import { buildSchema, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphContext } from './context.js';
import { selectedProperties, type FieldReads } from './selection.js';
import { HubRecord } from './types/record.js';

@Entity({ collection: 'notes' })
@ObjectType()
class Note extends HubRecord {
  @Property({ type: 'string' })
  @Field(() => String)
  title!: string;

  /** Stored, never a field: what a selection must never need. */
  @Property({ type: 'string' })
  body!: string;

  @Property({ type: 'string', nullable: true })
  authorId?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  tag?: string;

  /** A getter field: its reads are not declared, so it must make the whole record load. */
  @Field(() => Int)
  get bodyLength(): number {
    return this.body.length;
  }

  refresh(): this {
    return this;
  }
}

@ObjectType()
class NoteEdge {
  @Field(() => Note)
  node!: Note;
}

@ObjectType()
class NotePage {
  @Field(() => [NoteEdge])
  edges!: NoteEdge[];
}

const reads: FieldReads<Note> = { author: ['authorId'] };

/** The properties the last `notes` call would load; `null` for the whole record. */
let lastSelection: string[] | null | 'none' = 'none';

@Resolver(() => Note)
class NoteResolver {
  @Query(() => NotePage)
  notes(@Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): NotePage {
    lastSelection = selectedProperties(ctx, Note, info, reads)?.sort() ?? null;
    return { edges: [] };
  }

  @FieldResolver(() => String, { nullable: true })
  author(@Root() note: Note) {
    return note.authorId ?? null;
  }

  /** A resolver computing a field whose reads are not declared, named like a stored property. */
  @FieldResolver(() => String, { nullable: true })
  tag(@Root() note: Note) {
    return note.body.slice(0, 3);
  }
}

// type-graphql builds its schema with graphql's CommonJS build; vitest would import the ESM one,
// and graphql refuses a schema from another copy of itself.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let orm: MikroORM;
let schema: Awaited<ReturnType<typeof buildSchema>>;

async function selectionOf(query: string) {
  lastSelection = 'none';
  const result = await graphql({ schema, source: query, contextValue: { em: orm.em.fork() } });
  expect(result.errors).toBeUndefined();
  return lastSelection;
}

beforeAll(async () => {
  // Metadata only: nothing here talks to a database.
  orm = await MikroORM.init({ entities: [Note], dbName: 'selection-test', clientUrl: 'mongodb://127.0.0.1:9', allowGlobalContext: true });
  schema = await buildSchema({ resolvers: [NoteResolver], validate: false });
});

afterAll(async () => {
  await orm.close(true);
});

describe('the properties a page selection reads', () => {
  it('is the stored properties of the fields selected, `_id` for id, nothing for __typename', async () => {
    expect(await selectionOf('{ notes { edges { node { __typename id title } } } }')).toEqual(['_id', 'title']);
  });

  it('follows fragments, inline fragments and aliases, and declared reads of computed fields', async () => {
    const query = `{ notes { ...page edges { a: node { id } } } }
      fragment page on NotePage { edges { node { ... on Note { title } writer: author } } }`;
    expect(await selectionOf(query)).toEqual(['_id', 'authorId', 'title']);
  });

  it('is everything when a selected field computes from reads it does not declare', async () => {
    expect(await selectionOf('{ notes { edges { node { id bodyLength } } } }')).toBeNull();
    // Named like a stored property, computed by a resolver: the property alone is not trusted.
    expect(await selectionOf('{ notes { edges { node { id tag } } } }')).toBeNull();
  });
});

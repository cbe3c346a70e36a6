/**
 * The __NAME__ subgraph's types, in type-graphql: one class is both the GraphQL type and the
 * shape of the data. `Event` is the hub's entity, extended by its key (`id`); every field you add
 * to it must be nullable (the hub's check refuses non-null ones), so an outage of this subgraph
 * blanks only your fields.
 */
import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse } from 'graphql';
import { buildSchema, createResolversMap, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';

@ObjectType({ description: 'A note this partner keeps about an event.' })
export class Note {
  @Field(() => String, { description: 'What the note says.' })
  text!: string;
}

@ObjectType({ description: "An event of the hub (owned by the hub's events subgraph)." })
@Directive('@key(fields: "id")')
export class Event {
  @Field(() => ID)
  id!: string;

  @Field(() => [Note], { nullable: true, description: 'Notes from the __NAME__ partner; null when it is unavailable.' })
  notes?: Note[];
}

/** Your data. Replace with your own store. */
export const NOTES: Record<string, Note[]> = {};

@Resolver(() => Event)
class PartnerQueries {
  @Query(() => [Event], { description: 'Events the __NAME__ partner has notes on.' })
  __NAME_CAMEL__Events(): Event[] {
    return Object.keys(NOTES).map((id) => Object.assign(new Event(), { id, notes: NOTES[id] }));
  }
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

export async function buildPartnerSchema() {
  const schema = await buildSchema({ resolvers: [PartnerQueries], orphanedTypes: [Event, Note], validate: false });
  const sdl = `${LINK}\n\n${printSchemaWithDirectives(schema)}\n`;
  const resolvers = createResolversMap(schema) as Record<string, object>;
  resolvers.Event = { ...resolvers.Event, __resolveReference: (ref: { id: string }) => Object.assign(new Event(), { id: ref.id, notes: NOTES[ref.id] ?? [] }) };
  return { sdl, schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]) };
}

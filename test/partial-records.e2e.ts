/**
 * A root list loads only the stored properties its selected fields read (subgraphs/kit
 * selection.ts), while a record fetched by id is loaded whole. So for every list, every field a
 * node can have must answer the same through the list as through the record's own query. The
 * selections come from the schema itself, so a field added later is checked without a change
 * here: if its resolver reads a property the list did not load, this fails.
 */
import { buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './harness/client.js';

/** Each root list, the query of one of its records, and that record type. */
const LISTS = [
  { list: 'events', one: 'event', type: 'Event' },
  { list: 'committees', one: 'committee', type: 'Committee' },
  { list: 'agencies', one: 'agency', type: 'Agency' },
  { list: 'people', one: 'person', type: 'Person' },
  { list: 'conclusions', one: 'conclusion', type: 'Conclusion' },
  { list: 'documents', one: 'document', type: 'SourceDocument' },
];

/** Records compared per list: each is one alias of one request, within the hub's alias limit. */
const RECORDS = 25;

/**
 * Every field of the type that needs no argument: leaves as they are, records by `id` (their own
 * fields are their list's business), and value objects (dates, participants) with all of theirs.
 */
function everyField(type: GraphQLObjectType, depth = 0): string {
  const fields = Object.values(type.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
  return fields
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (!isObjectType(named)) return `${field.name} { __typename }`;
      if ('id' in named.getFields() || depth >= 2) return `${field.name} { __typename${'id' in named.getFields() ? ' id' : ''} }`;
      if ('edges' in named.getFields()) return `${field.name} { totalCount }`;
      return `${field.name} { ${everyField(named, depth + 1)} }`;
    })
    .join(' ');
}

async function ask(query: string) {
  const { body } = await graphql(query);
  expect(body.errors, JSON.stringify(body.errors?.slice(0, 3))).toBeUndefined();
  return body.data!;
}

describe('a list answers every field as the record itself does', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = buildClientSchema((await ask(getIntrospectionQuery())) as never);
  });

  for (const { list, one, type } of LISTS) {
    it(`${list}: every field of the first ${RECORDS} records equals ${one}(id)'s`, async () => {
      const selection = everyField(schema.getType(type) as GraphQLObjectType);
      const listed = (await ask(`{ ${list}(first: ${RECORDS}) { edges { node { ${selection} } } } }`))[list].edges.map((edge: { node: unknown }) => edge.node);
      expect(listed.length).toBeGreaterThan(0);
      const byId = await ask(`{ ${listed.map((node: { id: string }, i: number) => `r${i}: ${one}(id: ${JSON.stringify(node.id)}) { ${selection} }`).join(' ')} }`);
      expect(listed).toEqual(listed.map((_: unknown, i: number) => byId[`r${i}`]));
    });
  }
});

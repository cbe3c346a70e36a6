import { buildSchema, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeOperation } from './query-analysis.js';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Person { name: String! positions: [Position!]! }
  type Position { title: String! person: Person! }
  type Committee { name: String! positions: [Position!]! events(first: Int): EventConnection }
  type EventEdge { node: Event! }
  type EventConnection { edges: [EventEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Event { title: String! organizer: Committee }
  type CommitteeEdge { node: Committee! }
  type CommitteeConnection { edges: [CommitteeEdge!]! totalCount: Int! }
  type Query { committees(first: Int): CommitteeConnection! committee(id: ID!): Committee }
`);

function analyze(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return analyzeOperation(document, operation, schema, variables);
}

/** Fragments each spreading the previous one ten times, `levels` deep: 10^levels fields when expanded. */
function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Committee { name }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Committee { ${Array.from({ length: 10 }, () => `...F${level - 1}`).join(' ')} }`);
  return `{ committee(id: "x") { ...F${levels} } } ${fragments.join(' ')}`;
}

describe('query analysis', () => {
  it('multiplies by pages and lists: first when given, else the default page size or a typical list size', () => {
    // committees (1 + 5 × (edges 1 + node 1 + name 1)) = 16
    expect(analyze('{ committees(first: 5) { edges { node { name } } } }').cost).toBe(16);
    // without first: 20 per page; positions: 10 per list
    expect(analyze('{ committees { edges { node { positions { title } } } } }').cost).toBe(1 + 20 * (1 + 1 + (1 + 10 * 1)));
    // the same through a variable
    expect(analyze('query ($n: Int) { committees(first: $n) { totalCount } }', { n: 100 }).cost).toBe(101);
  });

  it('prices a variable left out at its declared default, and a field without first at its schema default', () => {
    // Leaving $n out does not make a page of 1000 cheap.
    expect(analyze('query ($n: Int = 1000) { committees(first: $n) { totalCount } }').cost).toBe(1001);
    expect(analyze('query ($n: Int = 1000) { committees(first: $n) { totalCount } }', { n: 3 }).cost).toBe(4);
    const withDefault = buildSchema('type C { name: String } type CConnection { nodes: [C!]! } type Query { page(first: Int = 50): CConnection! }');
    const document = parse('{ page { nodes { name } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(analyzeOperation(document, operation, withDefault).cost).toBe(1 + 50 * (1 + 1));
  });

  it('prices the 30-alias amplification far above a single page of it', () => {
    const one = 'committees(first: 100) { edges { node { events { edges { node { organizer { positions { title } } } } } } } }';
    const single = analyze(`{ ${one} }`).cost;
    const amplified = analyze(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${one}`).join(' ')} }`).cost;
    expect(amplified).toBe(30 * single);
    expect(single).toBeLessThan(50_000);
    expect(amplified).toBeGreaterThan(50_000);
  });

  it('analyses each fragment once: the 8-level fragment bomb is priced at its 10^8 fields without expanding it', () => {
    const result = analyze(fragmentBomb(8));
    expect(result.cost).toBe(1 + 10 ** 8);
    expect(result.depth).toBe(2);
  });

  it('does not count introspection toward depth or cost', () => {
    expect(analyze(getIntrospectionQuery())).toEqual({ depth: 0, cost: 0 });
    expect(analyze('{ committee(id: "x") { __typename name } }')).toEqual({ depth: 2, cost: 2 });
  });

  it('follows inline fragments and survives fragment cycles', () => {
    expect(analyze('{ committee(id: "x") { ... on Committee { positions { person { name } } } } }').depth).toBe(4);
    expect(() => analyze('{ committee(id: "x") { ...a } } fragment a on Committee { ...b } fragment b on Committee { ...a }')).not.toThrow();
  });
});

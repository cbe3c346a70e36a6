import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maxAliasesRule, maxDepthRule } from './limits.js';

const schema = buildSchema('type Node { id: ID, child: Node } type Query { node: Node }');
const errors = (query: string, rule: ReturnType<typeof maxDepthRule>) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('maxDepthRule', () => {
  it('counts field nesting', () => {
    expect(errors('{ node { child { child { id } } } }', maxDepthRule(4))).toEqual([]);
    expect(errors('{ node { child { child { child { id } } } } }', maxDepthRule(4))).toEqual([
      'The query is 5 levels deep; this hub allows at most 4 (HUB_MAX_DEPTH).',
    ]);
  });

  it('follows fragments and inline fragments', () => {
    const query = '{ node { ...deep } } fragment deep on Node { child { ... on Node { child { id } } } }';
    expect(errors(query, maxDepthRule(3))).toEqual(['The query is 4 levels deep; this hub allows at most 3 (HUB_MAX_DEPTH).']);
  });

  it('does not loop on fragment cycles (graphql reports those itself)', () => {
    const query = '{ node { ...a } } fragment a on Node { child { ...b } } fragment b on Node { child { ...a } }';
    expect(() => errors(query, maxDepthRule(10))).not.toThrow();
  });
});

describe('maxAliasesRule', () => {
  it('counts aliases across the document', () => {
    expect(errors('{ a: node { id } b: node { id } }', maxAliasesRule(2))).toEqual([]);
    expect(errors('{ a: node { x: id } b: node { id } }', maxAliasesRule(2))).toEqual([
      'The query uses 3 aliases; this hub allows at most 2 (HUB_MAX_ALIASES).',
    ]);
  });
});

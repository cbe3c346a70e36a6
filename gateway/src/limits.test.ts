import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_MERGE_COMPARISONS, maxAliasesRule, maxDepthRule, mergeCheckGuard, mergeComparisons } from './limits.js';

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

describe('mergeComparisons', () => {
  it('weighs same-named fields and distinct fragments side by side by what each pair compares, each fragment once', () => {
    expect(mergeComparisons(parse('{ node { id child { id } } }'))).toBe(0);
    expect(mergeComparisons(parse('{ node { id id ... on Node { id } } }'))).toBe(2 * 3);
    expect(mergeComparisons(parse('{ node { child { id } child { id child { id } } } }'))).toBe(1 * (2 + 4));
    expect(mergeComparisons(parse('{ node { ...a ...b ...a } } fragment a on Node { id } fragment b on Node { id child { id } }'))).toBe(1 * (1 + 3));
    // The 8-level fragment bomb spreads one fragment ten times in each place: nothing to pair.
    const bomb = ['fragment F0 on Node { id }'];
    for (let level = 1; level <= 8; level += 1) bomb.push(`fragment F${level} on Node { ${Array.from({ length: 10 }, () => `...F${level - 1}`).join(' ')} }`);
    expect(mergeComparisons(parse(`{ node { ...F8 } } ${bomb.join(' ')}`))).toBe(0);
  });

  it('finds the documents that make validation quadratic far above the limit', () => {
    const sideBySide = `{ node { ${Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Node { id }`).join(' ')}`;
    expect(mergeComparisons(parse(sideBySide))).toBe(299 * 300);
    expect(mergeComparisons(parse(`{ ${'node { id } '.repeat(300)} }`))).toBeGreaterThan(MAX_MERGE_COMPARISONS);
  });
});

describe('mergeCheckGuard', () => {
  const post = (query: string) => ({ method: 'POST', url: new URL('http://x/graphql'), headers: {}, body: Buffer.from(JSON.stringify({ query })) });
  const sideBySide = `{ node { ${Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Node { id }`).join(' ')}`;

  it('answers 400 naming the pairs and the limit, by POST or GET', () => {
    const refused = mergeCheckGuard(3000)(post(sideBySide))!;
    expect(refused.status).toBe(400);
    expect(String(refused.body)).toContain('about 89700 field comparisons');
    expect(String(refused.body)).toContain('QUERY_TOO_COMPLEX');
    const get = { method: 'GET', url: new URL(`http://x/graphql?query=${encodeURIComponent(sideBySide)}`), headers: {}, body: Buffer.alloc(0) };
    expect(mergeCheckGuard(3000)(get)?.status).toBe(400);
  });

  it('leaves ordinary, unreadable and oversized documents to Apollo', () => {
    expect(mergeCheckGuard(3000)(post('{ node { id } }'))).toBeUndefined();
    expect(mergeCheckGuard(3000)(post('{ node { '))).toBeUndefined();
    expect(mergeCheckGuard(100)(post(sideBySide))).toBeUndefined();
    expect(mergeCheckGuard(3000)({ ...post(''), body: Buffer.from('not json') })).toBeUndefined();
  });
});

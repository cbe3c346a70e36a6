/**
 * How long the gateway's checks take on hostile documents (a benchmark: it prints figures, it
 * does not pass or fail). Every document is within HUB_MAX_TOKENS (3000); the target is under
 * 50 ms each, the fragment bomb included. Run: npm run bench:limits
 */
import { buildSchema, getIntrospectionQuery, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { apiSchemaSdl } from '@hub/schema';
import { maxAliasesRule, maxDepthRule } from '../dist/limits.js';
import { analyzeOperation } from '../dist/query-analysis.js';

const supergraph = readFileSync(createRequire(import.meta.url).resolve('@hub/schema/supergraph.graphql'), 'utf8');
const schema = buildSchema(apiSchemaSdl(supergraph));

function bomb(levels: number, width: number): string {
  const fragments = ['fragment F0 on Committee { name }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Committee { ${Array.from({ length: width }, () => `...F${level - 1}`).join(' ')} }`);
  return `{ committee(id: "x") { ...F${levels} } } ${fragments.join(' ')}`;
}
const deepNesting = `{ committee(id: "x") { ${'children { '.repeat(40)}name${' }'.repeat(40)} } }`;
const aliases = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: committee(id: "x") { name }`).join(' ')} }`;
const wideFields = `{ committees(first: 100) { edges { node { ${'name code level '.repeat(150)} } } } }`;

const documents: Record<string, string> = {
  'fragment bomb, 8 levels × 10 spreads': bomb(8, 10),
  'fragment bomb, 30 levels × 9 spreads': bomb(30, 9),
  'nesting 40 deep': deepNesting,
  '300 aliases': aliases,
  '450 repeated fields': wideFields,
  'the standard introspection query': getIntrospectionQuery(),
};

console.log(`${'document'.padEnd(40)} ${'tokens'.padStart(7)} ${'parse+validate+cost'.padStart(20)}`);
for (const [name, text] of Object.entries(documents)) {
  const document = parse(text, { maxTokens: 100_000 });
  const tokens = text.split(/[\s{}(),:.]+/).filter(Boolean).length;
  const runs = 20;
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    const parsed = parse(text, { maxTokens: 100_000 });
    validate(schema, parsed, [...specifiedRules, maxDepthRule(12), maxAliasesRule(30)]);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    analyzeOperation(parsed, operation, schema, {});
  }
  const ms = (performance.now() - started) / runs;
  console.log(`${name.padEnd(40)} ${String(tokens).padStart(7)} ${`${ms.toFixed(2)} ms`.padStart(20)}`);
}

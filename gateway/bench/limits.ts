/**
 * How long the gateway's checks take on hostile documents (a benchmark: it prints figures, it
 * does not pass or fail). Every document is within HUB_MAX_TOKENS (3000); the target is under
 * 50 ms each, the fragment bomb included. Run: npm run bench:limits
 */
import { buildSchema, getIntrospectionQuery, getNamedType, isLeafType, isNonNullType, Kind, Lexer, type GraphQLObjectType, parse, Source, specifiedRules, TokenKind, validate, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { apiSchemaSdl } from '@hub/schema';
import { MAX_MERGE_COMPARISONS, maxAliasesRule, maxDepthRule, mergeComparisons } from '../dist/limits.js';
import { analyzeOperation } from '../dist/query-analysis.js';

const supergraph = readFileSync(createRequire(import.meta.url).resolve('@hub/schema/supergraph.graphql'), 'utf8');
const schema = buildSchema(apiSchemaSdl(supergraph));

function bomb(levels: number, width: number): string {
  const fragments = ['fragment F0 on Committee { name }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Committee { ${Array.from({ length: width }, () => `...F${level - 1}`).join(' ')} }`);
  return `{ committee(id: "x") { ...F${levels} } } ${fragments.join(' ')}`;
}
const deepNesting = `{ committee(id: "x") { ${'children { '.repeat(40)}name${' }'.repeat(40)} } }`;
const aliases = `{ ${Array.from({ length: 270 }, (_, i) => `a${i}: committee(id: "x") { name }`).join(' ')} }`;
const wideFields = `{ committees(first: 100) { edges { node { ${'name code level '.repeat(150)} } } } }`;

// graphql's own rule that fields of one name can be merged compares pairs: these are its worst cases.
const manyFragments = `{ committee(id: "x") { ${Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Committee { name }`).join(' ')}`;
const sameFieldOtherArguments = `{ ${Array.from({ length: 330 }, (_, i) => `committee(id: "${i}") { name }`).join(' ')} }`;
// Just under MAX_MERGE_COMPARISONS: the slowest documents validation is still asked to check.
/** Committee's own fields without arguments, each once (leaves as they are, objects with their leaves). */
function leaves(typeName: string): string[] {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)) && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
}
const committeeFields = [...leaves('Committee'), `province { ${leaves('Province').join(' ')} }`];
const fields = (count: number) => committeeFields.slice(0, count).join(' ');
const fragmentsSideBySide = (count: number, size: number) =>
  `{ committee(id: "x") { ${Array.from({ length: count }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: count }, (_, i) => `fragment F${i} on Committee { ${fields(size)} }`).join(' ')}`;
const sameFieldAtLimit = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `committee(id: "x") { ${fields(100)} }`).join(' ')} }`;
const repeatedTypename = `{ ${'__typename '.repeat(2900)} }`;

const documents: Record<string, string> = {
  'fragment bomb, 8 levels × 10 spreads': bomb(8, 10),
  'fragment bomb, 30 levels × 9 spreads': bomb(30, 9),
  'nesting 40 deep': deepNesting,
  '270 aliases': aliases,
  '450 repeated fields': wideFields,
  'the standard introspection query': getIntrospectionQuery(),
  '300 fragments spread side by side': manyFragments,
  '330 same-name fields, other arguments': sameFieldOtherArguments,
  '2900 × __typename': repeatedTypename,
  'fragments side by side (at the limit)': fragmentsSideBySide(12, 100),
  'same-name fields (at the limit)': sameFieldAtLimit(12),
};

/** Lexical tokens as graphql counts them for maxTokens (punctuators included). */
function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

console.log(`${'document'.padEnd(48)} ${'tokens'.padStart(7)} ${'comparisons'.padStart(12)} ${'checks took'.padStart(12)}`);
for (const [name, text] of Object.entries(documents)) {
  const document = parse(text, { maxTokens: 100_000 });
  const tokens = countTokens(text);
  if (tokens > 3000) throw new Error(`${name} has ${tokens} tokens, more than HUB_MAX_TOKENS allows: it would be refused while parsing`);
  const runs = 20;
  const started = performance.now();
  let verdict = 'checked';
  for (let i = 0; i < runs; i += 1) {
    const parsed = parse(text, { maxTokens: 100_000 });
    // As the gateway does: the merge check right after parsing, validation only if it passes.
    if (mergeComparisons(parsed) > MAX_MERGE_COMPARISONS) {
      verdict = 'refused before validation';
      continue;
    }
    validate(schema, parsed, [...specifiedRules, maxDepthRule(12), maxAliasesRule(30)]);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    analyzeOperation(parsed, operation, schema, {});
  }
  const ms = (performance.now() - started) / runs;
  console.log(`${name.padEnd(48)} ${String(tokens).padStart(7)} ${String(mergeComparisons(document)).padStart(12)} ${`${ms.toFixed(2)} ms`.padStart(12)}  ${verdict}`);
}

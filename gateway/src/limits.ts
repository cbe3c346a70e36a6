/**
 * Limits that stop abusive queries during validation, before the query planner or any subgraph
 * sees them. (The token limit is applied while parsing: see parseOptions in server.ts; the merge
 * check before Apollo sees the request, so that validation itself cannot be made slow.)
 */
import { errorReply, type RawRequest, type Reply } from '@hub/core';
import { GraphQLError, Kind, parse, type ASTVisitor, type DocumentNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { analyzeOperation } from './query-analysis.js';

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      // Linear in the document: each fragment's depth is worked out once (query-analysis.ts).
      const { depth } = analyzeOperation(context.getDocument(), operation, context.getSchema());
      if (depth > maxDepth) {
        context.reportError(limitError(`The query is ${depth} levels deep; this hub allows at most ${maxDepth} (HUB_MAX_DEPTH).`));
      }
    },
  });
}

export function maxAliasesRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(limitError(`The query uses ${aliases} aliases; this hub allows at most ${maxAliases} (HUB_MAX_ALIASES).`));
          }
        },
      },
    };
  };
}

/**
 * About how many field comparisons graphql's own validation would make to check that fields of
 * one name can be merged. That rule compares, in each selection set (inline fragments included),
 * every pair of fields sharing a response name and every pair of distinct fragments spread
 * there, each comparison as long as what it compares: it is quadratic, and 300 fragments spread
 * side by side, inside HUB_MAX_TOKENS, took it a quarter of a second. Worked out here in one
 * pass over the document (each fragment definition once), before validation runs.
 */
export function mergeComparisons(document: DocumentNode): number {
  const fragmentSets = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragmentSets.set(definition.name.value, definition.selectionSet);
  const sizes = new Map<SelectionSetNode, number>();
  /** Fields in a selection set, nested ones included; a spread counts 1 (its pairs are counted where it is defined). */
  function size(set: SelectionSetNode): number {
    const known = sizes.get(set);
    if (known !== undefined) return known;
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += 1 + (selection.selectionSet ? size(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += size(selection.selectionSet);
      else count += 1;
    }
    sizes.set(set, count);
    return count;
  }

  let work = 0;
  function collect(set: SelectionSetNode, names: Map<string, number[]>, spreads: Set<string>): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        const weights = names.get(name) ?? [];
        weights.push(1 + (selection.selectionSet ? size(selection.selectionSet) : 0));
        names.set(name, weights);
        if (selection.selectionSet) measure(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, names, spreads);
      else spreads.add(selection.name.value);
    }
  }
  /** Each of k things is compared with the k-1 others: (k-1) times the sum of their sizes. */
  const pairwise = (weights: number[]) => (weights.length - 1) * weights.reduce((sum, weight) => sum + weight, 0);
  function measure(set: SelectionSetNode): void {
    const names = new Map<string, number[]>();
    const spreads = new Set<string>();
    collect(set, names, spreads);
    for (const weights of names.values()) if (weights.length > 1) work += pairwise(weights);
    if (spreads.size > 1) work += pairwise([...spreads].map((name) => Math.max(1, fragmentSets.has(name) ? size(fragmentSets.get(name)!) : 1)));
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) measure(definition.selectionSet);
  }
  return work;
}

/** Far above any real query (a few repeated names, a dozen fragments), far below a slow check. */
export const MAX_MERGE_COMPARISONS = 2000;

/** The query text a GraphQL request carries (a JSON body's `query`, or GET's `query` parameter). */
function queryOf(request: RawRequest): string | undefined {
  if (request.method === 'GET') return request.url.searchParams.get('query') ?? undefined;
  try {
    const body = JSON.parse(request.body.toString('utf8')) as { query?: unknown };
    return typeof body?.query === 'string' ? body.query : undefined;
  } catch {
    return undefined;
  }
}

/** How many queries' merge-check counts are remembered: the same queries come again and again. */
const REMEMBERED_QUERIES = 1000;

/**
 * Refuses, before Apollo parses and validates it, a document that would make validation itself
 * slow (see mergeComparisons). It runs as an HTTP guard because Apollo turns anything thrown
 * between parsing and validation into a 500. The count of each query text is remembered (the
 * most recent ones), so a query asked again is not parsed twice; Apollo caches its own parse.
 * Anything it cannot read is left for Apollo to answer.
 */
export function mergeCheckGuard(maxTokens: number, limit = MAX_MERGE_COMPARISONS): (request: RawRequest) => Reply | undefined {
  const counted = new Map<string, number>();
  const comparisonsOf = (query: string): number => {
    const known = counted.get(query);
    if (known !== undefined) return known;
    let comparisons = 0;
    try {
      comparisons = mergeComparisons(parse(query, { maxTokens, noLocation: true }));
    } catch {
      // unreadable: Apollo says why
    }
    if (counted.size >= REMEMBERED_QUERIES) counted.delete(counted.keys().next().value!);
    counted.set(query, comparisons);
    return comparisons;
  };
  return (request) => {
    const query = queryOf(request);
    if (!query) return undefined;
    const comparisons = comparisonsOf(query);
    if (comparisons <= limit) return undefined;
    return errorReply(
      400,
      'QUERY_TOO_COMPLEX',
      `The query repeats itself too much to check: same-named fields and fragments spread side by side would take about ${comparisons} field comparisons to check; this hub makes at most ${limit}. Spread fewer fragments in one place, or give repeated fields aliases.`,
    );
  };
}

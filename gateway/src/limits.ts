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
 * How many pairs graphql's own validation would compare to check that fields of one name can be
 * merged: in each selection set (inline fragments included), every pair of fields sharing a
 * response name and every pair of distinct fragments spread there. That rule is quadratic: 300
 * fragments spread side by side, inside HUB_MAX_TOKENS, took it a quarter of a second. Counted
 * here in one pass over the document (each fragment definition once), before validation runs.
 */
export function mergeComparisons(document: DocumentNode): number {
  let pairs = 0;
  const pairsOf = (count: number) => (count * (count - 1)) / 2;
  function collect(set: SelectionSetNode, names: Map<string, number>, spreads: Set<string>): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        names.set(name, (names.get(name) ?? 0) + 1);
        if (selection.selectionSet) measure(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, names, spreads);
      else spreads.add(selection.name.value);
    }
  }
  function measure(set: SelectionSetNode): void {
    const names = new Map<string, number>();
    const spreads = new Set<string>();
    collect(set, names, spreads);
    pairs += pairsOf(spreads.size);
    for (const count of names.values()) pairs += pairsOf(count);
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) measure(definition.selectionSet);
  }
  return pairs;
}

/** Far above any real query (a few repeated names, a dozen fragments), far below a slow check. */
export const MAX_MERGE_COMPARISONS = 1000;

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

/**
 * Refuses, before Apollo parses and validates it, a document that would make validation itself
 * slow (see mergeComparisons). It runs as an HTTP guard because Apollo turns anything thrown
 * between parsing and validation into a 500; parsing twice costs a millisecond at most, since
 * the token limit bounds the document. Anything it cannot read is left for Apollo to answer.
 */
export function mergeCheckGuard(maxTokens: number, limit = MAX_MERGE_COMPARISONS): (request: RawRequest) => Reply | undefined {
  return (request) => {
    const query = queryOf(request);
    if (!query) return undefined;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      return undefined;
    }
    const pairs = mergeComparisons(document);
    if (pairs <= limit) return undefined;
    return errorReply(
      400,
      'QUERY_TOO_COMPLEX',
      `The query repeats itself too much to check: ${pairs} pairs of same-named fields or fragments spread side by side would have to be compared; this hub compares at most ${limit}. Spread fewer fragments in one place, or give repeated fields aliases.`,
    );
  };
}

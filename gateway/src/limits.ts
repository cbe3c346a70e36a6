/**
 * Limits that stop abusive queries during validation, before the query planner or any subgraph
 * sees them. (The token limit is applied while parsing: see parseOptions in server.ts; the merge
 * check right after parsing, so that validation itself cannot be made slow.)
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { GatewayContext } from './context.js';
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
export const MAX_MERGE_COMPARISONS = 2000;

/**
 * Refuses, right after parsing and before validation, a document that would make validation
 * itself slow (see mergeComparisons).
 */
export function mergeCheckPlugin(limit = MAX_MERGE_COMPARISONS): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart(requestContext) {
          return async (error?: Error) => {
            if (error || !requestContext.document) return;
            const pairs = mergeComparisons(requestContext.document);
            if (pairs > limit) {
              // Thrown here, it becomes this request's answer (400), before validation starts.
              throw limitError(
                `The query repeats itself too much to check: ${pairs} pairs of same-named fields or fragments spread side by side would have to be compared; this hub compares at most ${limit}. Spread fewer fragments in one place, or give repeated fields aliases.`,
              );
            }
          };
        },
      };
    },
  };
}

/**
 * Limits that stop abusive queries during validation, before the query planner or any subgraph
 * sees them. (The token limit is applied while parsing: see parseOptions in server.ts.)
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
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

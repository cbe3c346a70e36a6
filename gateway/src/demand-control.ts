/**
 * Demand control: every operation's cost is estimated before planning (query-analysis.ts) and one
 * above HUB_MAX_COST is refused with both figures, so an amplifying query (30 aliases of a page
 * of 100 committees, each with their events and officials) costs a 400, not the subgraphs'
 * time. Answers carry `extensions.cost`, so clients learn what their queries weigh.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context.js';
import { analyzeOperation } from './query-analysis.js';

export function demandControlPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  // An operation without variables always costs the same: estimated once per cached document
  // (Apollo's document cache hands back the same object) and schema.
  const fixedCosts = new WeakMap<object, { schema: unknown; cost: number }>();
  const costOf = (document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>) => {
    if (operation.variableDefinitions?.length) return analyzeOperation(document, operation, schema, variables).cost;
    const known = fixedCosts.get(operation);
    if (known?.schema === schema) return known.cost;
    const cost = analyzeOperation(document, operation, schema, variables).cost;
    fixedCosts.set(operation, { schema, cost });
    return cost;
  };
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          estimated = costOf(document, operation, schema, request.variables ?? {});
          if (estimated > maxCost) {
            throw new GraphQLError(
              `This query would cost about ${estimated} (each field 1, lists and pages multiplied by their size); this hub allows at most ${maxCost} (HUB_MAX_COST). Ask for smaller pages (first), fewer aliases or less nesting, and page through the rest.`,
              { extensions: { code: 'QUERY_TOO_COSTLY', cost: estimated, maxCost, http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (estimated === undefined || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { estimated, limit: maxCost } };
        },
      };
    },
  };
}

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './log.js';

/** Client mistakes are answered, not logged as failures; everything else is the server's fault. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
  'CONFLICT',
]);

/**
 * Outages are logged where their state changes (a subgraph or a database going down and coming
 * back), not once per request that meets them: under load that would be thousands of lines.
 */
const OUTAGE_CODES = new Set(['SUBGRAPH_UNAVAILABLE', 'DATABASE_UNAVAILABLE']);

/**
 * One debug line per operation (name, time, errors), and an error line with the stack for every
 * failure that is not the client's: responses carry no stacks, so the log must.
 */
export function requestLogPlugin<Context extends BaseContext>(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code as string | undefined;
            if (code && CLIENT_CODES.has(code)) continue;
            if (code && OUTAGE_CODES.has(code)) {
              log.debug('operation met an outage', { operation: operationName ?? undefined, error: error.message });
              continue;
            }
            // Anything else is a bug: the log keeps its stack, since responses carry none.
            log.error('operation failed', { operation: operationName ?? undefined, path: error.path?.join('.'), error: error.originalError?.stack ?? error.stack ?? error.message });
          }
        },
        async willSendResponse({ operationName, errors }) {
          log.debug('served', { operation: operationName ?? '(anonymous)', ms: Math.round(performance.now() - started), errors: errors?.length ?? 0 });
        },
      };
    },
  };
}

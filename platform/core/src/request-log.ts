import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { trace } from '@opentelemetry/api';
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

export type Outcome = 'ok' | 'client_error' | 'error';

/** How a served operation ended: fully, by the caller's mistake, or with a fault of ours. */
export function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): Outcome {
  if (!errors?.length) return 'ok';
  return errors.every((error) => CLIENT_CODES.has(error.extensions?.code as string)) ? 'client_error' : 'error';
}

/**
 * The trace this request belongs to: the active OpenTelemetry span's when tracing is on, else the
 * one in the caller's W3C traceparent header, else a fresh id, so log lines can always be joined.
 */
export function traceIdOf(headers: { get(name: string): string | null | undefined } | undefined): string {
  const active = trace.getActiveSpan()?.spanContext();
  if (active && active.traceId !== '00000000000000000000000000000000') return active.traceId;
  const parent = headers?.get('traceparent')?.split('-');
  if (parent?.length === 4 && /^[0-9a-f]{32}$/.test(parent[1]!)) return parent[1]!;
  return randomBytes(16).toString('hex');
}

/** Who is asking, for logs and metrics: the client's declared name, else the token's subject. */
export function clientOf(request: GraphQLRequestContext<BaseContext>): string {
  const named = request.request.http?.headers.get('apollographql-client-name');
  if (named) return named.slice(0, 64);
  const identity = (request.contextValue as { identity?: { subject?: string | null } }).identity;
  return identity?.subject ?? 'anonymous';
}

/**
 * One info line per operation (trace id, name, client, time, outcome), and an error line with
 * the stack for every failure that is not the client's: responses carry no stacks, so the log must.
 */
export function requestLogPlugin<Context extends BaseContext>(
  log: Logger,
  options: {
    /**
     * Whether an error is an outage of something this process depends on (its database): such
     * errors are logged once as a state change by whoever watches that dependency, not with a
     * stack per request. Errors already coded as outages need no predicate.
     */
    isOutage?: (error: GraphQLError) => boolean;
  } = {},
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart(start) {
      const started = performance.now();
      const traceId = traceIdOf(start.request.http?.headers);
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code as string | undefined;
            if (code && CLIENT_CODES.has(code)) continue;
            if ((code && OUTAGE_CODES.has(code)) || options.isOutage?.(error)) {
              log.debug('operation met an outage', { operation: operationName ?? undefined, error: error.message });
              continue;
            }
            // Anything else is a bug: the log keeps its stack, since responses carry none.
            log.error('operation failed', { operation: operationName ?? undefined, path: error.path?.join('.'), error: error.originalError?.stack ?? error.stack ?? error.message });
          }
        },
        async willSendResponse(request) {
          log.info('served', {
            traceId,
            operation: request.operationName ?? request.request.operationName ?? '(anonymous)',
            client: clientOf(request as GraphQLRequestContext<BaseContext>),
            ms: Math.round(performance.now() - started),
            outcome: outcomeOf(request.errors),
          });
        },
      };
    },
  };
}

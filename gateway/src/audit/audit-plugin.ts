/**
 * Feeds the audit log from every GraphQL request the gateway answers, and refuses mutations
 * while the audit log cannot be written: a change nobody could account for later is worse than
 * a change made a minute later.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { clientOf, outcomeOf, requestTraceId } from '@hub/core';
import type { BaseContext, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { hashOfOperation } from '../usage.js';
import { variablesDigest, type AuditLog } from './audit-log.js';

export function auditPlugin(audit: AuditLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const at = new Date();
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation' && !audit.isWritable) {
            throw new GraphQLError('The hub cannot write its audit log right now, so it accepts no changes; reads still work. Try again shortly.', {
              extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
            });
          }
        },
        async willSendResponse(request) {
          const { identity, touched } = request.contextValue;
          const operationName = request.operationName ?? request.request.operationName ?? null;
          let operationHash: string | null = null;
          try {
            operationHash = request.document ? hashOfOperation(request.document, operationName ?? undefined) : null;
          } catch {
            // a document whose operation cannot be picked out is recorded without a hash
          }
          audit.append({
            at,
            subject: identity?.subject ?? null,
            client: clientOf(request as GraphQLRequestContext<BaseContext>),
            tokenId: identity?.tokenId ?? null,
            operationType: request.operation?.operation ?? null,
            operationName,
            operationHash,
            variablesDigest: variablesDigest(request.request.variables),
            records: touched ?? [],
            outcome: outcomeOf(request.errors),
            errorCodes: [...new Set((request.errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))],
            traceId: requestTraceId(request as GraphQLRequestContext<BaseContext>),
          });
        },
      };
    },
  };
}

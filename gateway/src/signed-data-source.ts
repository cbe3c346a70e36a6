/**
 * How the gateway calls a subgraph: every request signed over its exact body with the caller's
 * identity, bounded by a timeout, and failures reported with the subgraph's name.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SIGNATURE_HEADERS, encodeIdentity, signRequest } from '@hub/core';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';

const NO_ONE = encodeIdentity({ subject: null, scopes: [] });

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  signingSecret: string;
  timeoutMs: number;
}

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(options: SignedDataSourceOptions) {
    const { name, signingSecret, timeoutMs } = options;
    // The fetcher sees the body exactly as it goes on the wire, so that is what gets signed.
    const fetcher: Fetcher = async (url, init) => {
      const body = init?.body ?? '';
      const headers = { ...(init?.headers as Record<string, string>) };
      // Requests made outside a client operation (none today) carry no scopes at all.
      const signed = signRequest(signingSecret, headers[SIGNATURE_HEADERS.identity] ?? NO_ONE, body);
      try {
        return (await fetch(url, {
          ...(init as RequestInit),
          headers: { ...headers, ...signed },
          signal: AbortSignal.timeout(timeoutMs),
        })) as never;
      } catch (error) {
        const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
        throw new GraphQLError(`The ${name} subgraph is unavailable: ${cause}.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name },
        });
      }
    };
    super({ url: options.url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Carried to the fetcher in a header; the fetcher signs it together with the body.
    if ('identity' in context && context.identity) {
      request.http?.headers.set(SIGNATURE_HEADERS.identity, encodeIdentity(context.identity));
    }
  }
}

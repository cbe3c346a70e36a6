/**
 * Asking other subgraphs whether records exist, for writes that point at them (an event's
 * organizer lives in organization). Subgraphs never read each other's databases: they ask the
 * owner through federation's `_entities`, signed like any gateway request, with the caller's
 * identity, one request per type however many ids.
 */
import { signRequest, traceHeaders, type Identity } from '@hub/core';
import { GraphQLError } from 'graphql';

export class Peers {
  constructor(
    private readonly urls: ReadonlyMap<string, string>,
    /** The secret each owner subgraph checks signatures with. */
    private readonly secretOf: (owner: string) => string,
  ) {}

  /** The ids among `ids` that the owning subgraph does not have. */
  async missing(owner: string, typeName: string, key: 'id' | 'code', ids: readonly string[], identity: Identity): Promise<string[]> {
    if (ids.length === 0) return [];
    const url = this.urls.get(owner);
    if (!url) {
      throw new GraphQLError(`Cannot check ${typeName} references: the ${owner} subgraph's URL is not configured (HUB_SUBGRAPH_URLS).`, {
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
    const unique = [...new Set(ids)];
    const body = JSON.stringify({
      query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
      variables: { representations: unique.map((id) => ({ __typename: typeName, [key]: id })) },
    });
    let result: { data?: { _entities?: Array<unknown | null> }; errors?: Array<{ message: string }> };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signRequest(this.secretOf(owner), identity, body), ...traceHeaders() },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      result = (await response.json()) as typeof result;
    } catch (error) {
      throw new GraphQLError(`Cannot check ${typeName} references: the ${owner} subgraph is unavailable (${(error as Error).message}); nothing was written.`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: owner },
      });
    }
    const entities = result.data?._entities;
    if (!entities) {
      throw new GraphQLError(`Cannot check ${typeName} references: ${result.errors?.[0]?.message ?? 'no answer'}; nothing was written.`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: owner },
      });
    }
    return unique.filter((_, index) => entities[index] == null);
  }

  /**
   * Asks another subgraph a question (signed like any gateway request, with the caller's
   * identity): for the few reads that need another subgraph's facts to filter this one's records.
   */
  async query<T>(owner: string, query: string, variables: Record<string, unknown>, identity: Identity): Promise<T> {
    const url = this.urls.get(owner);
    if (!url) throw new GraphQLError(`The ${owner} subgraph's URL is not configured (HUB_SUBGRAPH_URLS).`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const body = JSON.stringify({ query, variables });
    let result: { data?: T; errors?: Array<{ message: string }> };
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signRequest(this.secretOf(owner), identity, body), ...traceHeaders() }, body, signal: AbortSignal.timeout(10_000) });
      result = (await response.json()) as typeof result;
    } catch (error) {
      throw new GraphQLError(`The ${owner} subgraph is unavailable (${(error as Error).message}).`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: owner } });
    }
    if (!result.data) throw new GraphQLError(`The ${owner} subgraph could not answer: ${result.errors?.[0]?.message ?? 'no data'}.`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: owner } });
    return result.data;
  }
}

/**
 * How the gateway calls a subgraph: every request signed over its exact body with the caller's
 * identity and that subgraph's own secret, bounded by a timeout and a response size, behind a
 * circuit breaker, and failures reported with the subgraph's name.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { EXPORT_PAGE_EXTENSION, SIGNATURE_HEADERS, encodeIdentity, inSpan, signRequest, SpanKind, traceHeaders } from '@hub/core';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CircuitOpenError, type CircuitBreaker } from './circuit-breaker.js';
import type { GatewayContext } from './context.js';
import { FetchMerging, type FetchMergingOptions, type SubgraphAnswer } from './fetch-merging.js';

const NO_ONE = encodeIdentity({ subject: null, scopes: [] });

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  /**
   * The secret(s) this subgraph checks signatures with, newest first (two during a rotation);
   * read per request, so a rotation applies at once.
   */
  signingSecret: () => string | readonly string[] | undefined;
  timeoutMs: number;
  /** Larger answers are cut off and reported, so one subgraph cannot exhaust the gateway's memory. */
  maxResponseBytes: number;
  breaker: CircuitBreaker;
  /** The subgraph accepts batched requests (the hub's own subgraphs do; partners' may not). */
  batch: boolean;
  /** The subgraph is one of the hub's own, which serve an export's pages larger (EXPORT_PAGE_EXTENSION). */
  exportPages?: boolean;
  /** Merge identical query fetches in flight. */
  deduplicate: boolean;
  counters?: FetchMergingOptions['counters'];
}

/** Reads a response body up to `limit` bytes; past that the request is aborted. */
async function boundedText(response: Response, limit: number, abort: () => void): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    abort();
    throw new Error(`its answer is ${declared} bytes, more than the ${limit} allowed (HUB_SUBGRAPH_MAX_RESPONSE_BYTES)`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new Error(`its answer is more than the ${limit} bytes allowed (HUB_SUBGRAPH_MAX_RESPONSE_BYTES)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Why a fetch failed, without where it was going: Node's network errors name the address and
 * port ("connect ECONNREFUSED 127.0.0.1:4002"), which no answer may show, in any mode.
 */
export function withoutAddress(error: Error): string {
  const cause = (error as { cause?: Error & { code?: string; syscall?: string } }).cause;
  if (cause?.code) return [cause.syscall, cause.code].filter(Boolean).join(' ');
  return scrubAddresses(cause?.message ?? error.message);
}

/** A text with every URL and host:port pair in it replaced by "its address". */
export function scrubAddresses(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, 'its address').replace(/(?:\[[0-9a-f:.]+\]|\b[a-z0-9][a-z0-9.-]*):\d{2,5}\b/gi, 'its address').replace(/\blocalhost\b/gi, 'its address');
}

/** Which client request a fetch belongs to: the fetches of one request (and only those) are batched together. */
const groups = new WeakMap<object, string>();
let lastGroup = 0;
function groupOf(context: object): string {
  let group = groups.get(context);
  if (!group) {
    group = String((lastGroup += 1));
    groups.set(context, group);
  }
  return group;
}

/**
 * What the gateway tells its own fetcher about a fetch, in headers the fetcher removes before
 * anything is signed or sent (Apollo's data source hands the fetcher only the URL and the request).
 */
const FETCH_GROUP = 'x-hub-fetch-group';
const FETCH_READ_ONLY = 'x-hub-fetch-read-only';

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(options: SignedDataSourceOptions) {
    const { name, timeoutMs, breaker } = options;
    const unavailable = (cause: string, originalError?: Error) =>
      new GraphQLError(`The ${name} subgraph is unavailable: ${cause}.`, { originalError, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name } });
    // One signed HTTP request: the signature covers exactly the body that goes on the wire.
    const send = async (body: string, identity: string): Promise<SubgraphAnswer> => {
      const secret = options.signingSecret();
      // The full error (with the address) stays on originalError, for the log; callers get the cause.
      if (!secret || secret.length === 0) throw unavailable('the registry has no signing secret for it');
      const signed = signRequest(secret, identity, body);
      try {
        return await breaker.run(() => inSpan(`POST ${name}`, { 'hub.subgraph': name, 'server.address': new URL(options.url).host }, async (span) => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
          try {
            // traceparent travels beside the signed headers, not inside the signature: it only
            // joins spans into one trace and grants nothing (README, "Request signing").
            const response = await fetch(options.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signed, ...traceHeaders() }, signal: controller.signal });
            span.setAttribute('http.response.status_code', response.status);
            const text = await boundedText(response, options.maxResponseBytes, () => controller.abort());
            // A subgraph that answers 5xx is failing, whatever its body says.
            if (response.status >= 500) throw new Error(`it answered HTTP ${response.status}`);
            return { status: response.status, statusText: response.statusText, contentType: response.headers.get('content-type') ?? 'application/json', text };
          } finally {
            clearTimeout(timer);
          }
        }, SpanKind.CLIENT));
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        if (error instanceof CircuitOpenError) throw unavailable(error.message);
        const cause =
          (error as Error).name === 'TimeoutError' || (error as { cause?: Error }).cause?.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : withoutAddress(error as Error);
        throw unavailable(cause, error as Error);
      }
    };
    const merging = new FetchMerging({ send, batch: options.batch, deduplicate: options.deduplicate, counters: options.counters });
    const fetcher: Fetcher = async (_url, init) => {
      const headers = { ...(init?.headers as Record<string, string>) };
      const group = headers[FETCH_GROUP];
      const readOnly = headers[FETCH_READ_ONLY] === 'true';
      let answer: SubgraphAnswer;
      try {
        answer = await merging.fetch({
          // Apollo's data source always sends a string; it is signed and sent as it is.
          body: String(init?.body ?? ''),
          // Requests made outside a client operation (none today) carry no scopes at all.
          identity: headers[SIGNATURE_HEADERS.identity] ?? NO_ONE,
          // Without a group (not a client operation) a fetch goes alone.
          group: group ?? `alone-${(lastGroup += 1)}`,
          readOnly,
        });
      } catch (error) {
        throw error instanceof GraphQLError ? error : unavailable((error as Error).message, error as Error);
      }
      return new Response(answer.text, { status: answer.status, statusText: answer.statusText, headers: { 'content-type': answer.contentType } }) as never;
    };
    super({ url: options.url, fetcher });
    this.subgraphName = name;
    this.exportPages = options.exportPages === true;
  }

  private readonly subgraphName: string;
  private readonly exportPages: boolean;

  /**
   * A subgraph that refuses a request (HTTP 4xx) explains why in its own errors; the caller gets
   * that explanation with the subgraph's name, never its address or raw body (Apollo's default).
   * A validation failure there is the client's input (the gateway validated the shape already).
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    let first: { message?: string; extensions?: { code?: string } } | undefined;
    try {
      first = ((await response.json()) as { errors?: Array<typeof first> }).errors?.[0];
    } catch {
      // not JSON: described by its status below
    }
    const code = first?.extensions?.code;
    const clientMistake = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST';
    return new GraphQLError(first?.message ?? `The ${this.subgraphName} subgraph refused the request (HTTP ${response.status}).`, {
      extensions: { code: clientMistake ? 'BAD_USER_INPUT' : (code ?? 'SUBGRAPH_ERROR'), serviceName: this.subgraphName, ...(clientMistake ? { http: { status: 400 } } : {}) },
    });
  }

  /**
   * A subgraph names the records a mutation wrote in `extensions.hubWrites`; the gateway keeps
   * them (with the subgraph's name, which it knows itself) for the request's audit entry.
   */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const writes = response.extensions?.hubWrites;
    if (Array.isArray(writes) && Array.isArray((context as Partial<GatewayContext>).touched)) {
      for (const write of writes.slice(0, 1000)) {
        if (write && typeof write.type === 'string' && typeof write.id === 'string') {
          context.touched.push({ subgraph: this.subgraphName, type: write.type, id: write.id, version: Number(write.version) || 0, action: String(write.action ?? 'write') });
        }
      }
    }
    return response;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    // Carried to the fetcher in a header; the fetcher signs it together with the body.
    if ('identity' in context && context.identity) {
      request.http?.headers.set(SIGNATURE_HEADERS.identity, encodeIdentity(context.identity));
    }
    // Health checks and schema loading belong to no client request.
    if (!('incomingRequestContext' in options)) return;
    // In the body, so the signature covers it: nobody but the gateway can ask for an export's larger pages.
    if (this.exportPages && context.exportPage) request.extensions = { ...request.extensions, [EXPORT_PAGE_EXTENSION]: true };
    request.http?.headers.set(FETCH_GROUP, groupOf(context));
    // Every fetch of a mutation counts as a write: even its reads come after the write.
    request.http?.headers.set(FETCH_READ_ONLY, String(options.incomingRequestContext.operation?.operation === 'query'));
  }
}

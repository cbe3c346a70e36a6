/**
 * Serves an Apollo Server over node:http, with the few routes every hub process has.
 *
 * Plain node:http rather than a framework: the subgraphs must see the exact body bytes to check
 * the gateway's signature, and both sides need the same answers to broken requests (bad JSON →
 * 400, too large → 413, unknown path → 404) without a framework's defaults in between.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { otelContext, propagation, SpanKind, SpanStatusCode, trace, tracer, tracingEnabled } from './tracing.js';

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  /** The body exactly as received (empty for GET). */
  readonly body: Buffer;
  /** The client's address (for limits keyed by caller). */
  readonly remoteAddress?: string;
  /**
   * Set by the gateway itself when it runs an operation the hub holds (a saved report's query)
   * on a caller's behalf: a caller limited to published operations may run it, as it may run a
   * published one. Never set from anything a client sends.
   */
  readonly trustedOperation?: boolean;
  /**
   * Set by the gateway itself on the pages of an export it runs for a caller: the hub's own
   * subgraphs then serve root pages of up to EXPORT_PAGE_SIZE records instead of the 100 a
   * client may ask for. Never set from anything a client sends.
   */
  readonly exportPage?: boolean;
}

/**
 * The largest root page an export's page may ask of the hub's own subgraphs (clients: 100). Each
 * page of an export costs a sorted scan in the embedded store whatever its size, so an export
 * runs on pages this large when the caller leaves the page size to it; the gateway still
 * estimates each page's cost at this size and refuses it above HUB_MAX_COST.
 */
export const EXPORT_PAGE_SIZE = 500;
/** The body extension a gateway sets on an export page's fetches to the hub's own subgraphs (signed with the body). */
export const EXPORT_PAGE_EXTENSION = 'hubExportPage';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /**
   * The whole body, or chunks written as they come (an export streams its rows). A stream that
   * fails part way cuts the connection, so a client never mistakes half an answer for all of it.
   */
  body: string | Buffer | AsyncIterable<string | Buffer>;
}

export type RouteHandler = (request: RawRequest) => Promise<Reply> | Reply;

export interface GraphQLHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Builds the per-request context; may throw a GraphQLError with extensions.http.status. */
  context: (request: RawRequest) => Promise<Context>;
  /** Runs before GraphQL; a reply stops the request there (used to refuse unsigned calls). */
  guard?: (request: RawRequest) => Promise<Reply | undefined> | Reply | undefined;
  /**
   * Runs after the guard on the operation as sent (the POST body, or the GET parameters as one
   * object) and may rewrite it or refuse it with a reply: the gateway resolves persisted
   * operation ids here, before Apollo sees the request.
   */
  prepare?: (request: RawRequest, operation: Record<string, unknown>) => Promise<{ operation: Record<string, unknown> } | { reply: Reply }>;
  /**
   * Extra routes, e.g. health checks and the IDE page: by exact path, or by prefix when the key
   * ends in `/*` (`/registry/*` answers `/registry/partners/media`). The exact path wins.
   */
  routes?: Record<string, RouteHandler>;
  path?: string;
  /** What a browser gets when it opens the GraphQL path itself (GET, asking for HTML): the IDE. */
  browserPage?: RouteHandler;
  maxBodyBytes?: number;
  onError?: (error: unknown) => void;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** A GraphQL-shaped error reply, for failures that happen before GraphQL runs. */
export function errorReply(status: number, code: string, message: string): Reply {
  return jsonReply(status, { errors: [{ message, extensions: { code } }] });
}

class BodyTooLarge extends Error {}

function findRoute(routes: Record<string, RouteHandler> | undefined, path: string): RouteHandler | undefined {
  if (!routes) return undefined;
  if (routes[path]) return routes[path];
  let best: string | undefined;
  for (const key of Object.keys(routes)) {
    if (key.endsWith('/*') && path.startsWith(key.slice(0, -1)) && (!best || key.length > best.length)) best = key;
  }
  return best ? routes[best] : undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function graphqlHttpHandler<Context extends BaseContext>(options: GraphQLHttpOptions<Context>) {
  const { apollo, path = '/graphql', maxBodyBytes = 1_000_000 } = options;

  /**
   * Runs a GraphQL request as if it had come in over HTTP at the GraphQL path: the guard (rate
   * limit, merge check), the caller's identity from its headers, every plugin. Routes that
   * answer with GraphQL underneath (exports) call it, so nothing the gateway enforces is skipped.
   */
  async function execute(request: RawRequest): Promise<Reply> {
    const refused = await options.guard?.(request);
    if (refused) return refused;

    let parsedBody: unknown;
    const contentType = request.headers['content-type'] ?? '';
    if (request.method === 'POST' && contentType.includes('application/json')) {
      try {
        parsedBody = JSON.parse(request.body.toString('utf8'));
      } catch (error) {
        return errorReply(400, 'BAD_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`);
      }
    } else if (request.method === 'POST' && request.body.length > 0) {
      parsedBody = request.body.toString('utf8');
    }

    let search = request.url.search;
    if (options.prepare) {
      const isGet = request.method === 'GET';
      const sent = isGet ? operationFromSearch(request.url.searchParams) : parsedBody;
      // A body that is not an object is Apollo's to refuse, in its words.
      if (sent && typeof sent === 'object' && !Array.isArray(sent)) {
        const prepared = await options.prepare(request, sent as Record<string, unknown>);
        if ('reply' in prepared) return prepared.reply;
        // Only a rewritten operation is re-encoded, so an untouched GET reaches Apollo as sent.
        if (prepared.operation !== sent) {
          if (isGet) search = searchFromOperation(prepared.operation);
          else parsedBody = prepared.operation;
        }
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search, body: parsedBody },
      context: () => options.context(request),
    });
    const replyHeaders = Object.fromEntries(result.headers);
    if (result.body.kind === 'complete') {
      return { status: result.status ?? 200, headers: replyHeaders, body: result.body.string };
    }
    let text = '';
    for await (const chunk of result.body.asyncIterator) text += chunk;
    return { status: result.status ?? 200, headers: replyHeaders, body: text };
  }

  async function handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return errorReply(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes.`);
      }
      throw error;
    }
    const request: RawRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, remoteAddress: req.socket.remoteAddress };
    const route = findRoute(options.routes, url.pathname);
    if (route) return route(request);
    if (url.pathname !== path) return errorReply(404, 'NOT_FOUND', `No route ${url.pathname}; GraphQL is served at ${path}.`);
    if (options.browserPage && request.method === 'GET' && !url.searchParams.has('query') && String(req.headers.accept ?? '').includes('text/html')) {
      return options.browserPage(request);
    }

    return execute(request);
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<number> {
    let reply: Reply;
    try {
      reply = await handle(req);
    } catch (error) {
      options.onError?.(error);
      reply = errorReply(500, 'INTERNAL_SERVER_ERROR', 'The server failed to handle the request.');
    }
    res.writeHead(reply.status, reply.headers);
    if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) res.end(reply.body);
    else await streamBody(reply.body, res, options.onError);
    return reply.status;
  }

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // Health checks and scrapes are polled all day: tracing them would only bury the requests.
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!tracingEnabled() || pathname.startsWith('/health/') || pathname === '/metrics') {
      await answer(req, res);
      return;
    }
    // The caller's traceparent (the gateway's, for a subgraph) makes this span part of its trace.
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(`${req.method} ${pathname}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': pathname } }, parent);
    const status = await otelContext.with(trace.setSpan(parent, span), () => answer(req, res));
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  return Object.assign(serve, { execute });
}

/** Writes chunks as they come, waiting whenever the client reads slower than they arrive. */
async function streamBody(chunks: AsyncIterable<string | Buffer>, res: ServerResponse, onError?: (error: unknown) => void): Promise<void> {
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
    }
    res.end();
  } catch (error) {
    onError?.(error);
    // Headers are gone already: cutting the connection is the only way to say "incomplete".
    res.destroy(error as Error);
  }
}

/** GET parameters as an operation object: `extensions` parsed when it is JSON, the rest as sent. */
function operationFromSearch(params: URLSearchParams): Record<string, unknown> {
  const operation: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'extensions') {
      try {
        operation[key] = JSON.parse(value);
        continue;
      } catch {
        // left as text: Apollo names the problem
      }
    }
    operation[key] = value;
  }
  return operation;
}

function searchFromOperation(operation: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(operation)) {
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RunningHttpServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 picks a free port) and resolves once listening; errors name the port. */
export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { port: number; host: string; portVariable?: string },
): Promise<RunningHttpServer> {
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        const hint = options.portVariable ? `; set ${options.portVariable} to another port (0 picks a free one)` : '';
        reject(new Error(`Port ${options.port} on ${options.host} is already in use${hint}.`));
      } else if (error.code === 'EACCES') {
        reject(new Error(`Not allowed to listen on port ${options.port} on ${options.host}.`));
      } else reject(error);
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host === '127.0.0.1' || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            // Connections still busy get a moment to finish, then go.
            setTimeout(() => server.closeAllConnections(), 5_000).unref();
          }),
      });
    });
  });
}

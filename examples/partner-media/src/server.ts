/**
 * The partner's HTTP server: GraphQL at /graphql for requests the hub signed, /health for the
 * hub's probes. node:http and graphql-js only; no framework.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { graphql } from 'graphql';
import { mediaSchema, type MediaData } from './schema.js';
import { SignatureVerifier } from './verify-signature.js';

export interface MediaServerOptions {
  /** The signing secret(s) the hub gave this partner. */
  secrets: readonly string[];
  data: MediaData;
  /** How long the answer to every request is held back (to try the hub's timeouts). */
  delayMs?: number;
  /** Filler added to every answer, in bytes (to try the hub's response-size limit). */
  padBytes?: number;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function createMediaServer(options: MediaServerOptions): Server {
  const schema = mediaSchema(options.data);
  const verifier = new SignatureVerifier(options.secrets);
  return createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/health') return reply(200, { status: 'ok' });
    if (request.url !== '/graphql' || request.method !== 'POST') return reply(404, { errors: [{ message: 'POST /graphql' }] });

    const body = await readBody(request);
    const verdict = verifier.verify(request.headers, body);
    if (!verdict.ok) return reply(401, { errors: [{ message: `Refused: ${verdict.reason}.` }] });

    let input: { query?: string; variables?: Record<string, unknown>; operationName?: string };
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return reply(400, { errors: [{ message: 'The body is not JSON.' }] });
    }
    try {
      const result = await graphql({ schema, source: input.query ?? '', variableValues: input.variables, operationName: input.operationName, contextValue: { caller: verdict.caller } });
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.padBytes) return reply(200, { ...result, extensions: { padding: 'x'.repeat(options.padBytes) } });
      reply(200, result);
    } catch (error) {
      reply(500, { errors: [{ message: `The media subgraph failed: ${(error as Error).message}` }] });
    }
  });
}

/** HTTP for the hub's gateway: signed GraphQL at /graphql, /health for probes. */
import { createServer, type IncomingMessage } from 'node:http';
import { graphql, type GraphQLSchema } from 'graphql';
import { SignatureVerifier } from './verify-signature.js';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function createPartnerServer(schema: GraphQLSchema, secrets: readonly string[]) {
  const verifier = new SignatureVerifier(secrets);
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
    try {
      const input = JSON.parse(body.toString('utf8')) as { query?: string; variables?: Record<string, unknown>; operationName?: string };
      reply(200, await graphql({ schema, source: input.query ?? '', variableValues: input.variables, operationName: input.operationName, contextValue: { caller: verdict.caller } }));
    } catch (error) {
      reply(400, { errors: [{ message: `Bad request: ${(error as Error).message}` }] });
    }
  });
}

/** A tiny OTLP/HTTP receiver for tests: what the hub's processes export, decoded from the JSON encoding. */
import { createServer, type Server } from 'node:http';

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** A tiny OTLP/HTTP receiver for the JSON encoding: every span posted to /v1/traces, with its service. */
export async function otlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; bodies: string[]; headers: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const headers: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url !== '/v1/traces' || !String(req.headers['content-type']).includes('json')) {
        res.writeHead(415).end();
        return;
      }
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      headers.push(req.headers);
      const body = JSON.parse(bodies.at(-1)!) as { resourceSpans: any[] };
      for (const resource of body.resourceSpans) {
        const service = resource.resource.attributes.find((a: any) => a.key === 'service.name')?.value.stringValue;
        for (const scope of resource.scopeSpans) {
          for (const span of scope.spans) {
            const attributes = Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value)[0]]));
            spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name, attributes });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, spans, bodies, headers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

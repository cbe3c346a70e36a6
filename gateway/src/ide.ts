/**
 * Serves the IDE (GraphiQL bundled at build time into dist/ide) from the gateway's own origin:
 * the page at `/` and at `GET /graphql` for browsers, its script and styles under `/ide/`. A
 * strict Content-Security-Policy keeps every request on this origin.
 */
import { readFile } from 'node:fs/promises';
import { errorReply, type Reply, type RouteHandler } from '@hub/core';

const IDE_DIR = new URL('../dist/ide/', import.meta.url);

/** Only this origin: scripts, connections, workers; inline styles are GraphiQL's own. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = { 'ide.js': 'text/javascript; charset=utf-8', 'ide.css': 'text/css; charset=utf-8', 'index.html': 'text/html; charset=utf-8' };

export interface Ide {
  /** The IDE's page (for `/` and browsers asking for `/graphql`). */
  readonly page: RouteHandler;
  readonly routes: Record<string, RouteHandler>;
}

export async function loadIde(): Promise<Ide> {
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(TYPES)) {
    const content = await readFile(new URL(name, IDE_DIR)).catch(() => undefined);
    if (content) files.set(name, content);
  }
  const serve = (name: string, cache: string): Reply => {
    const body = files.get(name);
    if (!body) return errorReply(503, 'IDE_NOT_BUILT', 'The IDE was not built with the gateway; run "npm run build" (or set HUB_IDE=false).');
    return { status: 200, headers: { 'content-type': TYPES[name]!, 'cache-control': cache, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' }, body };
  };
  const page: RouteHandler = () => serve('index.html', 'no-cache');
  return {
    page,
    routes: {
      '/': page,
      '/ide/*': (request) => {
        const name = request.url.pathname.slice('/ide/'.length);
        if (!(name in TYPES) || name === 'index.html') return errorReply(404, 'NOT_FOUND', `No IDE file ${request.url.pathname}.`);
        return serve(name, 'public, max-age=3600');
      },
    },
  };
}

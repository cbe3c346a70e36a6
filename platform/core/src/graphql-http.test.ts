import { afterEach, describe, expect, it } from 'vitest';
import { graphqlHttpHandler, listen, type RunningHttpServer } from './graphql-http.js';

let running: RunningHttpServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(body: () => AsyncIterable<string>, onError?: (error: unknown) => void) {
  // Only a route is asked for: the GraphQL server behind it is never reached.
  const handler = graphqlHttpHandler({ apollo: {} as never, context: async () => ({}), routes: { '/stream': () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: body() }) }, onError });
  running = await listen(handler, { port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${running.port}/stream`;
}

describe('streamed replies', () => {
  it('writes the chunks as they come, in order', async () => {
    const url = await serve(async function* () {
      for (let i = 0; i < 5; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield `line ${i}\n`;
      }
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n');
  });

  it('cuts the connection when the stream fails part way, so the client sees it incomplete', async () => {
    const errors: unknown[] = [];
    const url = await serve(async function* () {
      yield 'first page\n';
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('the second page failed');
    }, (error) => errors.push(error));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((errors[0] as Error).message).toBe('the second page failed');
  });
});

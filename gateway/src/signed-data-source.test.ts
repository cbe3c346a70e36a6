import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { scrubAddresses, withoutAddress } from './signed-data-source.js';

/** A port nothing listens on: opened, noted, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('describing a failed subgraph call', () => {
  it('says why without the address Node puts in the error', async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/graphql`).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(String((error!.cause as Error).message)).toContain(`127.0.0.1:${port}`);
    const said = withoutAddress(error!);
    expect(said).toBe('connect ECONNREFUSED');
    expect(said).not.toContain(String(port));
  });

  it('strips URLs and host:port pairs from other messages', () => {
    expect(withoutAddress(new Error('request to http://10.1.2.3:4002/graphql failed'))).toBe('request to its address failed');
    expect(withoutAddress(new Error('socket to [::1]:4003 closed'))).toBe('socket to its address closed');
    expect(scrubAddresses('cannot reach localhost or db.internal:27017')).toBe('cannot reach its address or its address');
    expect(scrubAddresses('The events subgraph could not answer: no data.')).toBe('The events subgraph could not answer: no data.');
  });
});

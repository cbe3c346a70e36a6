import { describe, expect, it } from 'vitest';
import { composeHub, composeSdl, CompositionError, drift } from './compose.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])';

describe('composition', () => {
  // Partners and reporting tools rely on the checked-in schema being what the code serves.
  it('the checked-in subgraph schemas and supergraph are what the code composes now', async () => {
    const composition = await composeHub();
    expect(composition.supergraph).toContain('join__Graph');
    expect(await drift(composition)).toEqual([]);
  });

  it('reports the composer\'s own messages when subgraphs conflict', () => {
    const a = { name: 'a', url: 'http://a/graphql', sdl: `${LINK}\ntype Query { ping: String }\ntype Thing { id: ID! name: String }` };
    const b = { name: 'b', url: 'http://b/graphql', sdl: `${LINK}\ntype Query { pong: String }\ntype Thing { id: ID! name: Int }` };
    let error: unknown;
    try {
      composeSdl([a, b]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as CompositionError).message).toMatch(/Thing\.name/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChange, type SubgraphSdl } from './check.js';
import { HUB_SUBGRAPHS, defaultSubgraphUrl } from './subgraphs.js';
import { SUPERGRAPH_FILE, subgraphSchemaFile } from './compose.js';

const hub: SubgraphSdl[] = HUB_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl: readFileSync(subgraphSchemaFile(subgraph), 'utf8') }));
const supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])';
const partner = (fields: string, extra = '') => ({ name: 'media', url: 'http://localhost:5001/graphql', sdl: `${link}\ntype Event @key(fields: "id") { id: ID! ${fields} }\n${extra}` });

describe('checking a change to the graph', () => {
  it('accepts a partner that adds a nullable field to the hub\'s Event, reporting it as a safe change', () => {
    const result = checkChange({ current: hub, candidate: partner('coverage: [String!]'), currentSupergraph: supergraph });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.supergraph).toContain('coverage');
      expect(result.changes.filter((change) => change.severity === 'BREAKING')).toEqual([]);
    }
  });

  it('refuses a non-null field on a hub type, naming it and its line', () => {
    const result = checkChange({ current: hub, candidate: partner('coverage: [String!]!'), currentSupergraph: supergraph });
    expect(result).toMatchObject({ ok: false, stage: 'rules' });
    if (!result.ok) {
      expect(result.problems[0]!.message).toContain('Event.coverage must be nullable');
      expect(result.problems[0]!.locations?.[0]?.line).toBe(2);
    }
  });

  it('reports invalid SDL with the parser\'s location', () => {
    const result = checkChange({ current: hub, candidate: { ...partner(''), sdl: 'type Event { id: ID! ' } });
    expect(result).toMatchObject({ ok: false, stage: 'parse' });
    if (!result.ok) expect(result.problems[0]!.locations?.[0]).toEqual({ line: 1, column: 22 });
  });

  it("reports composition failures in the composer's own words", () => {
    const result = checkChange({ current: hub, candidate: partner('title: Int') });
    expect(result).toMatchObject({ ok: false, stage: 'composition' });
    if (!result.ok) expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/Event\.title/);
  });

  it('names the coordinate of each breaking change: removing a subgraph removes its fields', () => {
    const withPartner = checkChange({ current: hub, candidate: partner('coverage: [String!]'), currentSupergraph: supergraph });
    if (!withPartner.ok) throw new Error('expected the partner to compose');
    const removal = checkChange({ current: [...hub, partner('coverage: [String!]')], remove: 'media', currentSupergraph: withPartner.supergraph });
    expect(removal.ok).toBe(true);
    if (removal.ok) expect(removal.changes).toContainEqual(expect.objectContaining({ severity: 'BREAKING', type: 'FIELD_REMOVED', coordinate: 'Event.coverage' }));
  });
});

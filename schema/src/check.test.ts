import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChange, hubEntities, unservedDifferences, type SubgraphSdl } from './check.js';
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
    if (!result.ok) expect(result.problems[0]!.locations?.[0]).toEqual({ line: 1, column: 22, subgraph: 'media' });
  });

  it("reports composition failures in the composer's own words", () => {
    const result = checkChange({ current: hub, candidate: { ...partner(''), sdl: `${link}\ntype Event @key(fields: "id") { id: String! coverage: String }` } });
    expect(result).toMatchObject({ ok: false, stage: 'composition' });
    if (!result.ok) expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/Event\.id/);
  });

  it('names the coordinate of each breaking change: removing a subgraph removes its fields', () => {
    const withPartner = checkChange({ current: hub, candidate: partner('coverage: [String!]'), currentSupergraph: supergraph });
    if (!withPartner.ok) throw new Error('expected the partner to compose');
    const removal = checkChange({ current: [...hub, partner('coverage: [String!]')], remove: 'media', currentSupergraph: withPartner.supergraph });
    expect(removal.ok).toBe(true);
    if (removal.ok) expect(removal.changes).toContainEqual(expect.objectContaining({ severity: 'BREAKING', type: 'FIELD_REMOVED', coordinate: 'Event.coverage' }));
  });
});

describe("refusing a subgraph that takes over the hub's types", () => {
  const take = (sdl: string) => checkChange({ current: hub.map((subgraph) => ({ ...subgraph, builtIn: true })), candidate: { name: 'media', url: 'http://localhost:5001/graphql', sdl: `${link.replace('"@shareable"', '"@shareable", "@override", "@interfaceObject"')}\n${sdl}` }, currentSupergraph: supergraph });
  it.each([
    ['a hub field taken with @override', 'type Event @key(fields: "id") { id: ID! location: String @override(from: "events") }', /Event\.location uses @override/],
    ['a hub field defined again', 'type Event @key(fields: "id") { id: ID! location: String }', /Event\.location is the hub's field/],
    ['a hub entity without @key', 'type Event { id: ID! }', /Event is the hub's type \(declared without @key\); extend an entity by its key \(Event: `id`\) or choose another name/],
    ['a hub entity by another key', 'type Province @key(fields: "id") { id: ID! }', /Province is the hub's type \(declared with @key\(fields: "id"\), not its key\); extend an entity by its key \(Province: `code`\)/],
    ['a hub value type redefined', 'type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }', /PageInfo is the hub's type; it is not an entity/],
    ['a hub enum redefined', 'enum AgencyKind { MINISTRY }', /AgencyKind is the hub's type; it is not an entity/],
    ['a hub entity marked @shareable', 'type Topic @key(fields: "code") @shareable { code: String! }', /Topic is the hub's type and may not be marked @shareable/],
    ['a hub root field defined again', 'type Query { event(id: ID!): String }', /Query\.event is the hub's field; choose another name/],
    ['Federation 1 SDL, without @link', null, /does not link Federation 2/],
  ])('refuses %s at the rules stage, in one sentence', (_, sdl, message) => {
    const result =
      sdl === null
        ? checkChange({ current: hub, candidate: { name: 'media', url: 'http://localhost:5001/graphql', sdl: 'extend type Event @key(fields: "id") { id: ID! @external coverage: String }' }, currentSupergraph: supergraph })
        : take(sdl);
    expect(result).toMatchObject({ ok: false, stage: 'rules' });
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.message).toMatch(message);
    }
  });

  it('still accepts an entity extended by its key with new fields', () => {
    const result = take('type Topic @key(fields: "code") { code: String! mentionsInPress: Int }');
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('lists additions and deprecations as safe changes', () => {
    const result = checkChange({ current: hub, candidate: partner('coverage: [String!] @deprecated(reason: "use press")'), currentSupergraph: supergraph });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.changes).toContainEqual(expect.objectContaining({ severity: 'SAFE', type: 'FIELD_ADDED', coordinate: 'Event.coverage' }));
  });

  it('tags composition error locations with the subgraph whose SDL they are in', () => {
    const result = checkChange({ current: hub, candidate: { ...partner(''), sdl: `${link}\ntype Event @key(fields: "id") { id: String! coverage: String }` } });
    if (result.ok) throw new Error('expected a composition failure');
    const subgraphs = result.problems.flatMap((problem) => problem.locations ?? []).map((location) => location.subgraph);
    expect(subgraphs).toContain('media');
    expect(subgraphs).toContain('events');
  });
});

describe('PARTNERS.md', () => {
  it("lists every entity of the hub with its keys, as the hub's subgraphs define them", () => {
    const guide = readFileSync(new URL('../../PARTNERS.md', import.meta.url), 'utf8');
    const listed = /The hub's entities and keys: (.+?)\. /.exec(guide.replace(/\n\s*/g, ' '))?.[1];
    const entities = hubEntities(hub.map((subgraph) => ({ ...subgraph, builtIn: true })));
    expect(entities.map(({ type }) => type)).toContain('Topic');
    expect(listed).toBe(entities.map(({ type, keys }) => `\`${type}(${keys.join(' | ')})\``).join(', '));
  });
});

describe('comparing a published schema with what the subgraph serves', () => {
  const served = `${link}\ntype Query { outlets: [Outlet!]! _service: _Service! }\ntype _Service { sdl: String }\ntype Outlet @key(fields: "id") { id: ID! name: String url: String }\nenum Kind { PRINT TV }`;
  it.each([
    ['the same schema, in another order and with descriptions', `${link}\nenum Kind { TV PRINT }\n"An outlet." type Outlet @key(fields: "id") { url: String name: String id: ID! }\ntype Query { outlets: [Outlet!]! }`, []],
    ['a deprecation added in the file', `${link}\ntype Query { outlets: [Outlet!]! }\ntype Outlet @key(fields: "id") { id: ID! name: String url: String @deprecated(reason: "gone soon") }\nenum Kind { PRINT TV }`, []],
    ['fewer fields than served (deploy first, then publish)', `${link}\ntype Query { outlets: [Outlet!]! }\ntype Outlet @key(fields: "id") { id: ID! }`, []],
    ['a field it does not serve', `${link}\ntype Query { outlets: [Outlet!]! }\ntype Outlet @key(fields: "id") { id: ID! language: String }`, ['Outlet.language']],
    ['a field of another type', `${link}\ntype Query { outlets: [Outlet!]! }\ntype Outlet @key(fields: "id") { id: ID! name: Int }`, ['Outlet.name']],
    ['an enum with other values', `${link}\ntype Query { outlets: [Outlet!]! }\ntype Outlet @key(fields: "id") { id: ID! }\nenum Kind { PRINT }`, ['Kind']],
  ])('%s', (_, published, expected) => {
    expect(unservedDifferences(published, served)).toEqual(expected);
  });
});

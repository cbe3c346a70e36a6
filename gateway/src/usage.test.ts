import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { normalizeOperation, operationHash, schemaCoordinates, UsageCounter } from './usage.js';

const schema = buildSchema(`
  enum Kind { BRIEFING REVIEW }
  input EventFilter { kind: Kind, search: String }
  interface Node { id: ID! }
  type Event implements Node { id: ID! title: String! organizer: Committee }
  type Committee implements Node { id: ID! name: String! }
  type Query { events(filter: EventFilter, first: Int): [Event!]! node(id: ID!): Node }
`);

describe('usage of the schema', () => {
  it('names every field on the type it is selected on, arguments, enum values and variable types', () => {
    const document = parse(`query Q($f: EventFilter) { events(filter: { kind: REVIEW }, first: 5) { ...E } more: events(filter: $f) { id } node(id: "x") { id ... on Committee { name } } }
      fragment E on Event { title organizer { name } }`);
    expect(schemaCoordinates(schema, document, 'Q')).toEqual([
      'Committee.name',
      'Event.id',
      'Event.organizer',
      'Event.title',
      'EventFilter',
      'Kind.REVIEW',
      'Node.id',
      'Query.events',
      'Query.events(filter:)',
      'Query.events(first:)',
      'Query.node',
      'Query.node(id:)',
    ]);
  });

  it('hashes the same shape the same, whatever the literals and spacing', () => {
    const a = normalizeOperation(parse('query A { events(first: 5) { title } }'), 'A');
    const b = normalizeOperation(parse('query A {\n  events(first: 50) {\n    title\n  }\n}'), 'A');
    expect(a).toBe(b);
    expect(operationHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(normalizeOperation(parse('query A { events { id } } query B { events { title } }'), 'B')).toBe('query B{events{title}}');
  });

  it('counts per day, operation and client, and gives back what a failed write could not store', () => {
    const counter = new UsageCounter();
    const entry = { operationHash: 'h', operationName: 'A', client: 'report-tool', coordinates: ['Query.events'] };
    counter.record(entry, new Date('2026-11-24T10:00:00Z'));
    counter.record(entry, new Date('2026-11-24T11:00:00Z'));
    counter.record({ ...entry, client: 'other' }, new Date('2026-11-24T11:00:00Z'));
    const drained = counter.drain();
    expect(drained.map((e) => [e.client, e.day, e.count])).toEqual([['report-tool', '2026-11-24', 2], ['other', '2026-11-24', 1]]);
    expect(counter.drain()).toEqual([]);
    counter.restore(drained);
    counter.record(entry, new Date('2026-11-24T12:00:00Z'));
    expect(counter.drain().find((e) => e.client === 'report-tool')?.count).toBe(3);
  });
});

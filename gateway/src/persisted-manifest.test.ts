import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { checkAgainstSchema, ManifestError, readManifest } from './persisted-manifest.js';

const hash = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const ROSTER = 'query Roster { committees(first: 5) { nodes { id name } } }';
const PEOPLE = 'query People($first: Int) { people(first: $first) { nodes { id } } }';

describe('reading trusted-document manifests', () => {
  it("reads Apollo Client's manifest, checking SHA-256 ids and keeping custom ones", () => {
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: hash('sha256', ROSTER), name: 'Roster', type: 'query', body: ROSTER },
        { id: 'people-v1', name: 'People', type: 'query', body: PEOPLE },
      ],
    };
    expect(readManifest(manifest)).toEqual({
      format: 'apollo',
      operations: [
        { id: hash('sha256', ROSTER), body: ROSTER, name: 'Roster', type: 'query' },
        { id: 'people-v1', body: PEOPLE, name: 'People', type: 'query' },
      ],
    });
  });

  it("reads Relay's MD5 map and Codegen's SHA-256 map, telling them apart by the hash", () => {
    expect(readManifest({ [hash('md5', ROSTER)]: ROSTER })).toMatchObject({ format: 'relay', operations: [{ id: hash('md5', ROSTER), name: 'Roster' }] });
    expect(readManifest({ [hash('sha256', PEOPLE)]: PEOPLE })).toMatchObject({ format: 'graphql-codegen', operations: [{ id: hash('sha256', PEOPLE), name: 'People' }] });
  });

  it('refuses a hash that does not match its document, naming the id and the computed hash', () => {
    const wrong = hash('sha256', PEOPLE);
    expect(() => readManifest({ [wrong]: ROSTER })).toThrow(new RegExp(`"${wrong}" does not match its document: its SHA256 is ${hash('sha256', ROSTER)}`));
    expect(() => readManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: wrong, body: ROSTER }] })).toThrow('does not match its document');
  });

  it('refuses the whole manifest when one entry is wrong, listing every problem', () => {
    const error = (() => {
      try {
        readManifest({ [hash('md5', ROSTER)]: ROSTER, 'not-a-hash': PEOPLE, [hash('md5', 'query {')]: 'query {' });
      } catch (caught) {
        return caught as ManifestError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(ManifestError);
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/refused \(2 problems\); nothing was stored/);
    expect(error.message).toContain('"not-a-hash" is not a content hash');
    expect(error.message).toContain('is not valid GraphQL');
  });

  it.each([
    ['an unknown format name', { format: 'persisted-queries-v9', operations: [] }, 'Unknown manifest format "persisted-queries-v9"'],
    ['a list', [ROSTER], 'Unknown manifest format'],
    ['a map with a non-string value', { abc: 1 }, 'Unknown manifest format'],
    ['an Apollo manifest of another version', { format: 'apollo-persisted-query-manifest', version: 2, operations: [] }, 'version 2'],
    ['an Apollo manifest with no operations', { format: 'apollo-persisted-query-manifest', version: 1, operations: [] }, 'lists no operations'],
    ['a document with two operations', { [hash('md5', `${ROSTER} ${PEOPLE}`)]: `${ROSTER} ${PEOPLE}` }, 'holds 2 operations'],
  ])('refuses %s with a sentence', (_, manifest, message) => {
    expect(() => readManifest(manifest)).toThrow(message);
  });

  it('refuses operations that do not fit the graph, naming the operation and the problem', () => {
    const schema = buildSchema('type Query { committees(first: Int): [String!]! people(first: Int): [String!]! }');
    const { operations } = readManifest({ [hash('md5', 'query Fine { committees(first: 2) }')]: 'query Fine { committees(first: 2) }' });
    expect(() => checkAgainstSchema(schema, operations)).not.toThrow();
    const bad = readManifest({ [hash('md5', 'query Bad { agencies }')]: 'query Bad { agencies }' }).operations;
    expect(() => checkAgainstSchema(schema, [...operations, ...bad])).toThrow(/refused \(1 problem\); nothing was stored: ".+" \(Bad\) does not fit the graph: Cannot query field "agencies" on type "Query"/);
  });
});

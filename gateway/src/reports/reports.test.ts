import { buildSchema, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { csvCell, encodeRows } from './formats.js';
import { variablesFromParameters } from './query-variables.js';
import { columnFromText, prepareReport, ReportProblem, type ReportSpec } from './report-definition.js';
import { reportPages, rowsOf, type Execute } from './run-report.js';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Province { code: String! name: String! }
  type Event { id: ID! title: String! }
  type EventEdge { cursor: String! node: Event! }
  type EventConnection { edges: [EventEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Position { title: String! }
  type Committee { id: ID! name: String! province: Province positions: [Position!]! events(first: Int = 20, after: String): EventConnection }
  type CommitteeEdge { cursor: String! node: Committee! }
  type CommitteeConnection { edges: [CommitteeEdge!]! pageInfo: PageInfo! totalCount: Int! }
  enum Level { CENTRAL PROVINCIAL }
  type Query {
    committees(level: Level, first: Int = 20, after: String): CommitteeConnection!
    committee(id: ID!): Committee
    provinces: [Province!]!
  }
  type Mutation { archive(id: ID!): Committee }
`);

const spec = (query: string, columns: string[], extra: Partial<ReportSpec> = {}): ReportSpec => ({ name: 'test', query, columns: columns.map(columnFromText), ...extra });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportProblem);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('preparing a report', () => {
  it('pages the root connection and completes nested ones by their holder', () => {
    const report = prepareReport(spec('{ committees { edges { node { name events(first: 2) { edges { node { title } } } } } } }', ['name', 'events.title']), schema);
    const printed = print(report.document);
    // No page size in the report: the export chooses it, through a variable of its own.
    expect(printed).toContain('committees(first: $_hubFirst, after: $_hubAfter)');
    expect(report.pageSize).toEqual({ variable: '_hubFirst', fallback: 100 });
    // Both connections select their pageInfo; the committee selects its id, to be asked for the rest.
    expect(printed.match(/pageInfo {\s+hasNextPage\s+endCursor\s+}/g)).toHaveLength(2);
    expect(printed).toMatch(/events\(first: 2\) {[\s\S]*}\s+id\s+}\s+}\s+pageInfo/);
    expect(report.columns.map((c) => c.many)).toEqual([false, true]);
  });

  it('asks for no rows of a connection whose count alone is wanted', () => {
    const report = prepareReport(spec('{ committees { edges { node { events { totalCount } } } } }', ['events.totalCount']), schema);
    expect(print(report.document)).toContain('events(first: 0)');
  });

  it('refuses what cannot be a report, saying why', () => {
    expect(refusal(() => prepareReport(spec('mutation { archive(id: "x") { name } }', ['name']), schema))).toContain('this is a mutation');
    expect(refusal(() => prepareReport(spec('{ committees { edges { node { name } } } }', ['title']), schema))).toContain('selects no "title" (it selects "name")');
    expect(refusal(() => prepareReport(spec('{ committees { edges { node { province { name } } } } }', ['province']), schema))).toContain('ends on an object (Province)');
    expect(refusal(() => prepareReport(spec('{ committees { totalCount } provinces { name } }', ['totalCount']), schema))).toContain('exactly one field at its root');
    expect(refusal(() => prepareReport(spec('{ committees { edges { node { nope } } } }', ['nope']), schema))).toContain('Cannot query field "nope"');
    expect(refusal(() => prepareReport(spec('{ committees { edges { node { name } } } }', ['name'], { explode: ['name'] }), schema))).toContain('is not a list');
    expect(refusal(() => prepareReport(spec('{ committees { edges { node { name' , ['name']), schema))).toContain('not valid GraphQL');
  });
});

describe('rows', () => {
  const data = {
    committees: {
      edges: [
        { node: { name: 'A', province: { name: 'Hà Nội' }, positions: [{ title: 'Trưởng ban' }, { title: 'Phó ban' }] } },
        { node: { name: 'B', province: null, positions: [] } },
      ],
    },
  };
  const query = '{ committees { edges { node { name province { name } positions { title } } } } }';

  it('joins a list into one cell, or explodes it into one row per item', () => {
    expect(rowsOf(prepareReport(spec(query, ['name', 'province.name', 'positions.title']), schema), data)).toEqual([
      ['A', 'Hà Nội', ['Trưởng ban', 'Phó ban']],
      ['B', null, []],
    ]);
    expect(rowsOf(prepareReport(spec(query, ['name', 'positions.title'], { explode: ['positions'] }), schema), data)).toEqual([
      ['A', 'Trưởng ban'],
      ['A', 'Phó ban'],
    ]);
  });

  it('follows endCursor page by page and asks a holder for the rest of its nested connection', async () => {
    const report = prepareReport(spec('{ committees(first: 1) { edges { node { name events(first: 1) { edges { node { title } } } } } } }', ['name', 'events.title']), schema);
    const asked: Array<Record<string, unknown>> = [];
    const execute: Execute = async (query, variables) => {
      asked.push(variables);
      if (query.startsWith('query ExportNextPage')) return { committee: { events: { edges: [{ node: { title: 'e2' } }], pageInfo: { hasNextPage: false, endCursor: 'x' } } } };
      const first = variables._hubAfter === null;
      return {
        committees: {
          edges: [{ node: { id: first ? 'a' : 'b', name: first ? 'A' : 'B', events: { edges: [{ node: { title: 'e1' } }], pageInfo: { hasNextPage: first, endCursor: 'c1' } } } }],
          pageInfo: { hasNextPage: first, endCursor: 'p1' },
        },
      };
    };
    const pages: unknown[] = [];
    for await (const rows of reportPages(report, {}, execute)) pages.push(rows);
    expect(pages).toEqual([[['A', ['e1', 'e2']]], [['B', ['e1']]]]);
    // The next root page is asked for as soon as its cursor is known, before this page's nested rest.
    expect(asked).toEqual([{ _hubAfter: null }, { _hubAfter: 'p1' }, { _hubId: 'a', _hubAfter: 'c1' }]);
  });

  it('asks for at most one page ahead, and a failed page ahead fails the export when its turn comes', async () => {
    const report = prepareReport(spec('{ committees(first: 1) { edges { node { name } } } }', ['name']), schema);
    const asked: unknown[] = [];
    const execute: Execute = async (_query, variables) => {
      asked.push(variables._hubAfter);
      if (variables._hubAfter === 'p2') throw new ReportProblem('the events subgraph is down', 502, 'EXPORT_FAILED');
      const n = variables._hubAfter === null ? 1 : 2;
      return { committees: { edges: [{ node: { name: `C${n}` } }], pageInfo: { hasNextPage: true, endCursor: `p${n}` } } };
    };
    const pages = reportPages(report, {}, execute);
    expect((await pages.next()).value).toEqual([['C1']]);
    expect(asked).toEqual([null, 'p1']);
    expect((await pages.next()).value).toEqual([['C2']]);
    expect(asked).toEqual([null, 'p1', 'p2']);
    await expect(pages.next()).rejects.toThrow('the events subgraph is down');
  });

  it('pages at the export size when the caller leaves the page size to it, as asked when it does not', async () => {
    const report = prepareReport(spec('query ($first: Int = 100) { committees(first: $first) { edges { node { name } } } }', ['name']), schema);
    expect(report.pageSize).toEqual({ variable: 'first', fallback: 100 });
    const asked: Array<Record<string, unknown>> = [];
    const execute: Execute = async (_query, variables) => {
      asked.push(variables);
      return { committees: { edges: [{ node: { name: 'A' } }], pageInfo: { hasNextPage: false, endCursor: 'p1' } } };
    };
    for await (const _rows of reportPages(report, {}, execute));
    for await (const _rows of reportPages(report, { first: 7 }, execute));
    expect(asked).toEqual([{ first: 500, _hubAfter: null }, { first: 7, _hubAfter: null }]);
    // A variable used elsewhere too is the report's to set: its page size stays as written.
    expect(prepareReport(spec('query ($first: Int = 5) { committees(first: $first) { edges { node { name events(first: $first) { totalCount } } } } }', ['name']), schema).pageSize).toBeUndefined();
  });

  it("runs on the report's own page size when the larger first page is refused, but not when the caller is", async () => {
    const report = prepareReport(spec('{ committees { edges { node { name } } } }', ['name']), schema);
    const asked: Array<Record<string, unknown>> = [];
    const refuseLarge = (status: number): Execute => async (_query, variables) => {
      asked.push(variables);
      if (variables._hubFirst === 500) throw new ReportProblem('too costly', status, 'QUERY_TOO_COSTLY');
      return { committees: { edges: [{ node: { name: 'A' } }], pageInfo: { hasNextPage: false, endCursor: 'p1' } } };
    };
    const pages: unknown[] = [];
    for await (const rows of reportPages(report, {}, refuseLarge(400))) pages.push(rows);
    expect(pages).toEqual([[['A']]]);
    expect(asked).toEqual([{ _hubFirst: 500, _hubAfter: null }, { _hubFirst: 100, _hubAfter: null }]);
    await expect(async () => {
      for await (const _rows of reportPages(report, {}, refuseLarge(429)));
    }).rejects.toThrow('too costly');
  });
});

describe('formats', () => {
  it('quotes CSV cells only when needed, doubling quotes', () => {
    expect(csvCell('plain', '; ')).toBe('plain');
    expect(csvCell('a, "b"', '; ')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines', '; ')).toBe('"two\nlines"');
    expect(csvCell(['x', 'y'], ' | ')).toBe('x | y');
    expect(csvCell(null, '; ')).toBe('');
  });

  it('writes CSV with a BOM on request, JSON as one array, NDJSON a line per row', async () => {
    async function* batches() {
      yield [['A', 1]];
      yield [];
      yield [['B', 2]];
    }
    const collect = async (format: 'csv' | 'json' | 'ndjson', bom = false) => {
      let text = '';
      for await (const chunk of encodeRows(format, ['name', 'n'], batches(), { bom, separator: '; ' })) text += chunk;
      return text;
    };
    expect(await collect('csv', true)).toBe('\uFEFFname,n\r\nA,1\r\nB,2\r\n');
    expect(JSON.parse(await collect('json'))).toEqual([{ name: 'A', n: 1 }, { name: 'B', n: 2 }]);
    expect(await collect('ndjson')).toBe('{"name":"A","n":1}\n{"name":"B","n":2}\n');
  });
});

describe('variables from query parameters', () => {
  const report = prepareReport(spec('query ($level: Level, $first: Int!) { committees(level: $level, first: $first) { edges { node { name } } } }', ['name']), schema);
  const read = (query: string) => variablesFromParameters(schema, report.operation, new URLSearchParams(query), new Set(['bom']));

  it('reads each as its declared type', () => {
    expect(read('level=CENTRAL&first=5&bom=true')).toEqual({ level: 'CENTRAL', first: 5 });
  });

  it('names the variable that is wrong, missing or unknown', () => {
    expect(refusal(() => read('first=five'))).toContain('Variable "$first" got invalid value "five"');
    expect(refusal(() => read('level=CENTRAL'))).toContain('Variable "$first" of required type "Int!" was not provided');
    expect(refusal(() => read('first=1&levle=CENTRAL'))).toContain('"levle" is not a variable of this report');
    expect(refusal(() => read('first=1&first=2'))).toContain('given 2 times');
  });
});

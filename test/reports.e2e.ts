/**
 * Reporting tools pull cross-entity data on schedules: they need saved reports as CSV, JSON and
 * NDJSON (every page fetched for them, the rows equal to what GraphQL answers), ad hoc exports,
 * incremental pulls of what changed, and operators need to see who pulls what. Everything here
 * goes through a real hub over HTTP, and through the real `hub` command.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { parseCsv } from './harness/csv.js';
import { startExtraGateway, type ExtraGateway } from './harness/extra-gateway.js';
import { hubJson } from './harness/hub-command.js';

const base = () => hub().gatewayUrl.replace(/\/graphql$/, '');
const SEPARATOR = '; ';

let reader: string;
let writer: string;

beforeAll(async () => {
  reader = await token(['hub:read'], '30m');
  writer = await token(['hub:read', 'hub:write'], '30m');
});

async function fetchExport(path: string, options: { token?: string; headers?: Record<string, string>; method?: string; body?: unknown; url?: string } = {}) {
  const response = await fetch(`${options.url ?? base()}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

/** What a CSV cell holds for a value of the GraphQL answer. */
const cell = (value: unknown): string => (Array.isArray(value) ? value.filter((v) => v != null).map(String).join(SEPARATOR) : value == null ? '' : String(value));

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await graphql<T>(query, { token: reader, variables });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data as T;
}

/** Every node of a root connection, paged through by the test itself at 100 a page. */
async function allNodes(field: string, args: string, selection: string, variables?: Record<string, unknown>): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await data(`query ($after: String) { ${field}(${args}${args ? ', ' : ''}first: 100, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`, { ...variables, after });
    nodes.push(...page[field].edges.map((e: any) => e.node));
    if (!page[field].pageInfo.hasNextPage) return nodes;
    after = page[field].pageInfo.endCursor;
  }
}

/** Each built-in report's rows, computed by the test from GraphQL answers. */
const EXPECTED: Record<string, { header: string[]; rows: () => Promise<string[][]> }> = {
  'committee-roster': {
    header: ['code', 'committee', 'level', 'province', 'region', 'officials', 'titles', 'events'],
    rows: async () =>
      (await allNodes('committees', '', 'code name level province { name region } positions { title person { fullName } } events(first: 0) { totalCount }')).map((c) => [
        c.code,
        c.name,
        c.level,
        cell(c.province?.name),
        cell(c.province?.region),
        cell(c.positions.map((p: any) => p.person.fullName)),
        cell(c.positions.map((p: any) => p.title)),
        String(c.events.totalCount),
      ]),
  },
  'events-with-participants': {
    header: ['event id', 'event', 'kind', 'date', 'date as written', 'location', 'organizer', 'role', 'title', 'person', 'committee', 'agency'],
    rows: async () =>
      (await allNodes('events', 'orderBy: DATE_ASC', 'id title kind date { iso text } location organizer { name } participants { role title person { fullName } committee { name } agency { name } }')).flatMap((e) =>
        e.participants.map((p: any) => [e.id, e.title, e.kind, cell(e.date.iso), cell(e.date.text), cell(e.location), cell(e.organizer?.name), p.role, cell(p.title), cell(p.person?.fullName), cell(p.committee?.name), cell(p.agency?.name)]),
      ),
  },
  'people-with-positions': {
    header: ['person id', 'person', 'title', 'role', 'committee', 'agency', 'since', 'until'],
    rows: async () =>
      (await allNodes('people', '', 'id fullName positions { title role committee { name } agency { name } since { text } until { text } }')).flatMap((p) =>
        p.positions.map((q: any) => [p.id, p.fullName, q.title, q.role, cell(q.committee?.name), cell(q.agency?.name), cell(q.since?.text), cell(q.until?.text)]),
      ),
  },
  documents: {
    header: ['id', 'title', 'date', 'date as written', 'publisher', 'mentions', 'mention kinds'],
    rows: async () =>
      (await allNodes('documents', '', 'id title publishedOn { iso text } publisher mentions { name kind }')).map((d) => [
        d.id,
        d.title,
        cell(d.publishedOn?.iso),
        cell(d.publishedOn?.text),
        cell(d.publisher),
        cell(d.mentions.map((m: any) => m.name)),
        cell(d.mentions.map((m: any) => m.kind)),
      ]),
  },
};

/** The rows of a JSON or NDJSON export, as CSV cells in the header's order. */
const asCells = (objects: Array<Record<string, unknown>>, header: string[]) => objects.map((o) => header.map((h) => cell(o[h])));

describe('built-in reports', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: CSV, JSON and NDJSON hold exactly the rows GraphQL answers`, async () => {
      const want = await expected.rows();
      expect(want.length).toBeGreaterThan(0);

      const csv = await fetchExport(`/reports/${name}.csv`, { token: reader });
      expect(csv.status, csv.text).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${name}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const [header, ...rows] = parseCsv(csv.text);
      expect(header).toEqual(expected.header);
      expect(rows).toEqual(want);

      const json = await fetchExport(`/reports/${name}.json`, { token: reader });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(asCells(JSON.parse(json.text), expected.header)).toEqual(want);

      const ndjson = await fetchExport(`/reports/${name}.ndjson`, { token: reader });
      expect(ndjson.status).toBe(200);
      expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const lines = ndjson.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
      expect(asCells(lines, expected.header)).toEqual(want);
    });
  }

  it('pages through every connection: a page size of 2 gives the same rows as one page of 100', async () => {
    const whole = parseCsv((await fetchExport('/reports/committee-roster.csv', { token: reader })).text);
    const paged = await fetchExport('/reports/committee-roster.csv?first=2', { token: reader });
    expect(paged.status).toBe(200);
    expect(whole.length).toBeGreaterThan(10);
    expect(parseCsv(paged.text)).toEqual(whole);
  });

  it('takes the operation\'s variables as query parameters, typed as declared', async () => {
    const year = 2023;
    const nodes = await allNodes('events', `orderBy: DATE_ASC, filter: { year: ${year} }`, 'id participants { role }');
    const ids = new Set(nodes.map((n) => n.id));
    const csv = await fetchExport(`/reports/events-with-participants.csv?year=${year}`, { token: reader });
    expect(csv.status).toBe(200);
    const [, ...rows] = parseCsv(csv.text);
    expect(rows.length).toBe(nodes.reduce((sum, n) => sum + n.participants.length, 0));
    expect(rows.every((row) => ids.has(row[0]!))).toBe(true);
    expect(rows.length).toBeGreaterThan(0);

    const north = await fetchExport('/reports/committee-roster.json?level=PROVINCIAL&region=NORTH', { token: reader });
    const committees = await allNodes('committees', 'filter: { level: PROVINCIAL, region: NORTH }', 'code');
    expect(JSON.parse(north.text).map((r: any) => r.code)).toEqual(committees.map((c) => c.code));
  });

  it('starts a CSV with a byte order mark on request, for Excel', async () => {
    const csv = await fetchExport('/reports/documents.csv?bom=true', { token: reader });
    expect(csv.status).toBe(200);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(csv.bytes.subarray(3).toString('utf8'))[0]).toEqual(EXPECTED.documents!.header);
  });
});

describe('bad input to an export: a status and a sentence naming the problem', () => {
  it.each([
    ['an unknown report', '/reports/no-such-report.csv', 404, 'There is no report "no-such-report"'],
    ['an unknown format', '/reports/documents.xlsx', 404, '".xlsx" is not an export format'],
    ['a variable of the wrong type', '/reports/events-with-participants.csv?year=twenty', 400, 'Variable "$year" got invalid value "twenty"'],
    ['an enum value that does not exist', '/reports/committee-roster.csv?level=NATIONAL', 400, '"$level"'],
    ['a parameter that is no variable', '/reports/documents.csv?yaer=2020', 400, '"yaer" is not a variable of this report'],
    ['a BOM asked of JSON', '/reports/documents.json?bom=true', 400, 'is for CSV'],
  ])('%s', async (_what, path, status, message) => {
    const answer = await fetchExport(path, { token: reader });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text).error.message).toContain(message);
  });

  it('an invalid token: 401 saying why', async () => {
    const answer = await fetchExport('/reports/documents.csv', { token: 'not-a-jwt' });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).error.message).toContain('not a well-formed, signed JWT');
  });
});

describe('ad hoc exports: POST /export.csv with a query and columns', () => {
  it('exports the columns asked for, lists joined into one cell, every page fetched', async () => {
    const query = '{ people(first: 3) { edges { node { id fullName positions { title } } } } }';
    const answer = await fetchExport('/export.csv', { token: reader, method: 'POST', body: { query, columns: ['id', 'fullName=Name', 'positions.title=Titles'] } });
    expect(answer.status, answer.text).toBe(200);
    const want = (await allNodes('people', '', 'id fullName positions { title }')).map((p) => [p.id, p.fullName, cell(p.positions.map((q: any) => q.title))]);
    expect(want.length).toBeGreaterThan(3);
    expect(parseCsv(answer.text)).toEqual([['id', 'Name', 'Titles'], ...want]);
  });

  it('pages a nested connection through its holder: events one at a time, exploded into rows', async () => {
    const query = '{ committees(filter: { level: CENTRAL }) { edges { node { code events(first: 1) { edges { node { id } } } } } } }';
    const answer = await fetchExport('/export.ndjson', { token: reader, method: 'POST', body: { query, columns: ['code', 'events.id=event'], explode: ['events'] } });
    expect(answer.status, answer.text).toBe(200);
    const lines = answer.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const central = await data('{ committees(filter: { level: CENTRAL }, first: 100) { edges { node { code events(first: 100) { edges { node { id } } } } } } }');
    const want = central.committees.edges.flatMap((e: any) => e.node.events.edges.map((ev: any) => ({ code: e.node.code, event: ev.node.id })));
    expect(want.length).toBeGreaterThan(1);
    expect(lines).toEqual(want);
  });

  it.each([
    ['a mutation', { query: 'mutation { archivePerson(id: "pham-van-linh") { id } }', columns: ['id'] }, 'this is a mutation, which is refused'],
    ['an unknown column path', { query: '{ people { edges { node { fullName } } } }', columns: ['fullName', 'positions.title'] }, 'The column path "positions.title" is not in the operation\'s selection'],
    ['a column ending on an object', { query: '{ committees { edges { node { province { name } } } } }', columns: ['province'] }, 'ends on an object (Province)'],
    ['a query that does not fit the schema', { query: '{ people { edges { node { shoeSize } } } }', columns: ['shoeSize'] }, 'Cannot query field "shoeSize"'],
    ['no columns', { query: '{ people { edges { node { fullName } } } }', columns: [] }, 'at least one column'],
  ])('refuses %s with 400', async (_what, body, message) => {
    const answer = await fetchExport('/export.csv', { token: reader, method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.message).toContain(message);
  });

  it('leaves data untouched when a mutation is refused', async () => {
    await fetchExport('/export.json', { token: writer, method: 'POST', body: { query: 'mutation { archivePerson(id: "pham-van-linh") { id } }', columns: ['id'] } });
    const { person } = await data('{ person(id: "pham-van-linh") { archivedAt } }');
    expect(person.archivedAt).toBeNull();
  });
});

describe('saved reports through the hub command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-reports-'));
    await writeFile(join(dir, 'roster.graphql'), 'query SmallPages($region: Region) { committees(filter: { region: $region }, first: 3) { edges { node { code name events(first: 1) { totalCount edges { node { id } } } } } } }');
    await writeFile(
      join(dir, 'one.yaml'),
      ['description: One committee by its code', 'query: |', '  query One($code: String!) {', '    committee(code: $code) { code name positions { title } }', '  }', 'columns:', '  - code', '  - path: positions.title', '    header: titles', ''].join('\n'),
    );
  });

  it('saves, lists, shows, serves and removes a report; small pages are all fetched', async () => {
    const saved = await hubJson(writer, 'report', 'save', 'small-pages', '--query', join(dir, 'roster.graphql'), '--column', 'code', '--column', 'name=Committee', '--column', 'events.totalCount=events', '--column', 'events.id=event ids');
    expect(saved.code, saved.stderr + JSON.stringify(saved.json)).toBe(0);
    expect(saved.json.variables).toEqual([{ name: 'region', type: 'Region' }]);

    const listed = await hubJson(reader, 'report', 'list');
    expect(listed.code).toBe(0);
    expect(listed.json.reports.map((r: any) => r.name)).toEqual(expect.arrayContaining(['committee-roster', 'events-with-participants', 'people-with-positions', 'documents', 'small-pages']));

    const shown = await hubJson(reader, 'report', 'show', 'small-pages');
    expect(shown.code).toBe(0);
    expect(shown.json.columns.map((c: any) => c.header)).toEqual(['code', 'Committee', 'events', 'event ids']);
    expect(shown.json.fitsSchema).toBe(true);

    // first: 3 at the root and first: 1 for each committee's events: many pages, all fetched.
    const csv = await fetchExport('/reports/small-pages.csv?region=NORTH', { token: reader });
    expect(csv.status, csv.text).toBe(200);
    const want = (await allNodes('committees', 'filter: { region: NORTH }', 'code name events(first: 100) { totalCount edges { node { id } } }')).map((c) => [
      c.code,
      c.name,
      String(c.events.totalCount),
      cell(c.events.edges.map((e: any) => e.node.id)),
    ]);
    expect(want.length).toBeGreaterThan(3);
    expect(parseCsv(csv.text)).toEqual([['code', 'Committee', 'events', 'event ids'], ...want]);

    const removed = await hubJson(writer, 'report', 'remove', 'small-pages');
    expect(removed.code).toBe(0);
    expect((await fetchExport('/reports/small-pages.csv', { token: reader })).status).toBe(404);
  });

  it('saves from a YAML spec; a required variable left out is a 400 naming it', async () => {
    const saved = await hubJson(writer, 'report', 'save', 'one-committee', '--spec', join(dir, 'one.yaml'));
    expect(saved.code, saved.stderr + JSON.stringify(saved.json)).toBe(0);
    const missing = await fetchExport('/reports/one-committee.csv', { token: reader });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text).error.message).toContain('Variable "$code" of required type "String!" was not provided');
    const one = await fetchExport('/reports/one-committee.csv?code=ban-chi-dao-ttdn-tw', { token: reader });
    const { committee } = await data('{ committee(code: "ban-chi-dao-ttdn-tw") { code positions { title } } }');
    expect(parseCsv(one.text)).toEqual([['code', 'titles'], [committee.code, cell(committee.positions.map((p: any) => p.title))]]);
    expect((await hubJson(writer, 'report', 'remove', 'one-committee')).code).toBe(0);
  });

  it('refuses an unknown column path (exit 1) and stores nothing', async () => {
    const refused = await hubJson(writer, 'report', 'save', 'broken', '--query', join(dir, 'roster.graphql'), '--column', 'code', '--column', 'province.region');
    expect(refused.code).toBe(1);
    expect(refused.json.error).toContain('The column path "province.region" is not in the operation\'s selection');
    expect((await hubJson(reader, 'report', 'show', 'broken')).code).toBe(2);
    expect((await fetchExport('/reports/broken', { token: reader })).status).toBe(404);
  });

  it('refuses to save without hub:write, to remove a built-in report, and to save over one (nothing changed)', async () => {
    const noWrite = await hubJson(reader, 'report', 'save', 'by-reader', '--query', join(dir, 'roster.graphql'), '--column', 'code');
    expect(noWrite.code).toBe(2);
    expect(noWrite.json.error).toContain('hub:write');
    const noToken = await fetchExport('/reports/by-anyone', { method: 'PUT', body: { query: '{ people { edges { node { id } } } }', columns: ['id'] } });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.text).error.message).toContain('hub:write');
    const builtIn = await hubJson(writer, 'report', 'remove', 'committee-roster');
    expect(builtIn.code).toBe(2);
    expect(builtIn.json.error).toContain('built-in report and cannot be removed');
    const over = await fetchExport('/reports/documents', { token: writer, method: 'PUT', body: { query: '{ people { edges { node { id } } } }', columns: ['id'] } });
    expect(over.status).toBe(409);
    expect((await fetchExport('/reports/documents.csv', { token: reader })).text.split('\r\n')[0]).toBe(EXPECTED.documents!.header.join(','));
    const list = await hubJson(reader, 'report', 'list');
    expect(list.json.reports.map((r: any) => r.name)).not.toContain('by-reader');
    expect(list.json.reports.map((r: any) => r.name)).not.toContain('by-anyone');
  });
});

describe('report usage', () => {
  it('counts report fetches per report and client, shown by hub usage --reports', async () => {
    const client = `reports-e2e-${Date.now()}`;
    for (let i = 0; i < 2; i += 1) expect((await fetchExport('/reports/documents.ndjson', { token: reader, headers: { 'apollographql-client-name': client } })).status).toBe(200);
    let row: any;
    for (let attempt = 0; attempt < 50 && !row; attempt += 1) {
      const usage = await hubJson(reader, 'usage', '--reports');
      expect(usage.code).toBe(0);
      row = usage.json.reports.find((r: any) => r.client === client && r.report === 'documents');
      if (!row) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toMatchObject({ report: 'documents', client, count: 2, formats: ['ndjson'] });
    expect(row.rows).toBe(2 * (await EXPECTED.documents!.rows()).length);
  });
});

describe('incremental pulls: changedSince and includeArchived on every list', () => {
  it('after an edit returns just that record; an archived one only when asked, with archivedAt', async () => {
    const created = await graphql('mutation { a: createPerson(input: { fullName: "Người Kéo Thử Một", sources: ["doc-giao-ban-phia-bac"] }) { id } b: createPerson(input: { fullName: "Người Kéo Thử Hai", sources: ["doc-giao-ban-phia-bac"] }) { id } }', { token: writer });
    expect(created.body.errors).toBeUndefined();
    const { a, b } = created.body.data as { a: { id: string }; b: { id: string } };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const nothing = await data('query ($since: DateTime) { people(changedSince: $since) { totalCount } conclusions(changedSince: $since) { totalCount } events(changedSince: $since) { totalCount } }', { since });
    expect(nothing).toEqual({ people: { totalCount: 0 }, conclusions: { totalCount: 0 }, events: { totalCount: 0 } });

    const edited = await graphql(`mutation { updatePerson(id: "${a.id}", patch: { fullName: "Người Kéo Thử Một Sửa" }) { id } }`, { token: writer });
    expect(edited.body.errors).toBeUndefined();
    const archived = await graphql(`mutation { archivePerson(id: "${b.id}") { id } }`, { token: writer });
    expect(archived.body.errors).toBeUndefined();

    const pulled = await data('query ($since: DateTime) { people(changedSince: $since) { totalCount edges { node { id fullName changedAt archivedAt } } } }', { since });
    expect(pulled.people.edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect(pulled.people.edges[0].node.fullName).toBe('Người Kéo Thử Một Sửa');
    expect(new Date(pulled.people.edges[0].node.changedAt).getTime()).toBeGreaterThan(new Date(since).getTime());

    const withArchived = await data('query ($since: DateTime) { people(changedSince: $since, includeArchived: true) { edges { node { id archivedAt } } } }', { since });
    const byId = new Map(withArchived.people.edges.map((e: any) => [e.node.id, e.node]));
    expect([...byId.keys()].sort()).toEqual([a.id, b.id].sort());
    expect((byId.get(b.id) as any).archivedAt).not.toBeNull();
    expect((byId.get(a.id) as any).archivedAt).toBeNull();

    await graphql(`mutation { archivePerson(id: "${a.id}") { id } }`, { token: writer });
  });

  it('refuses a changedSince that is not an instant, naming it', async () => {
    const answer = await graphql('{ people(changedSince: "yesterday") { totalCount } }', { token: reader });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toContain('changedSince');
  });
});

describe('a gateway that refuses anonymous callers', () => {
  let http: ExtraGateway;

  beforeAll(async () => {
    http = await startExtraGateway('gateway-no-anonymous', { HUB_REGISTRY_MONGODB_URI: Object.values(hub().targets)[0]!.uri, HUB_ALLOW_ANONYMOUS: 'false' });
  }, 30_000);
  afterAll(async () => {
    await http.stop();
  });

  it('answers an export without a token with 401 and a sentence, and serves it with one', async () => {
    const refused = await fetchExport('/reports/documents.csv', { url: http.url });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).error.message).toContain('needs a bearer token');
    const served = await fetchExport('/reports/documents.csv', { url: http.url, token: reader });
    expect(served.status).toBe(200);
    expect(parseCsv(served.text).slice(1)).toEqual(await EXPECTED.documents!.rows());
  }, 30_000);
});

describe('a gateway with a tight rate limit', () => {
  let http: ExtraGateway;

  beforeAll(async () => {
    http = await startExtraGateway('gateway-rate-limited', { HUB_RATE_LIMIT_PER_MINUTE: '1' });
  }, 30_000);
  afterAll(async () => {
    await http.stop();
  });

  it('counts each page of an export against the caller, and says when to come back', async () => {
    expect((await fetchExport('/reports/documents.csv', { url: http.url, token: reader })).status).toBe(200);
    const limited = await fetchExport('/reports/documents.csv', { url: http.url, token: reader });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(limited.text).error.message).toMatch(/rate|requests/i);
  }, 30_000);
});

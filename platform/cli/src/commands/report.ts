/**
 * `hub report …`: saved reports — a named GraphQL query and its columns — which every gateway
 * serves as CSV, JSON or NDJSON at /reports/<name>.csv|.json|.ndjson.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { askHub, callHub, hubTarget, refusal } from '../hub-client.js';

const SPEC_HELP = `A spec file (JSON or YAML) holds the same as the options:

  description: Committees of the north with their officials
  query: |              # or queryFile: roster.graphql (relative to the spec file)
    query Roster($first: Int = 100) {
      committees(filter: { region: NORTH }, first: $first) {
        edges { node { name province { name } positions { title person { fullName } } } }
      }
    }
  columns:
    - name=Committee          # path, or path=Header
    - province.name=Province
    - path: positions.person.fullName
      header: Officials
  explode: []                 # lists that give one row per item
  separator: "; "             # joins a list's values in one CSV cell

Paths are the response keys of the query, joined by dots; a connection is walked through its
edges.node without writing them (events.title), or counted (events.totalCount).`;

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}

/** The spec file's content (JSON or YAML), with `queryFile` read in. */
async function readSpecFile(file: string): Promise<Record<string, unknown>> {
  const text = await readText(file, 'spec file');
  let spec: unknown;
  try {
    spec = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CliError(`the spec file ${file} is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw new CliError(`the spec file ${file} must hold a mapping with query (or queryFile) and columns; "hub report save --help" shows one.`);
  const { queryFile, ...rest } = spec as Record<string, unknown>;
  if (queryFile !== undefined) {
    if (typeof queryFile !== 'string') throw new CliError(`queryFile in ${file} must be a file name.`);
    rest.query = await readText(resolve(dirname(file), queryFile), 'query file');
  }
  return rest;
}

function joinedColumns(columns: Array<string | { path: string; header?: string }>): string {
  return columns.map((c) => (typeof c === 'string' ? c : c.header && c.header !== c.path ? `${c.path}=${c.header}` : c.path)).join(', ');
}

export const reportCommands: CommandGroup = {
  name: 'report',
  summary: 'saved reports (a query and its columns) served as CSV, JSON or NDJSON',
  commands: [
    {
      name: 'save',
      summary: 'check a report against the schema and save it (replaces one of the same name; needs hub:write)',
      usage: '<name> (--query <file.graphql> --column <path[=Header]>… | --spec <file.yaml|json>) [--explode <path>…] [--rows <path>] [--separator <text>] [--description <text>]',
      help: `The query and every column path are checked against the schema the hub serves; a path the query does not select is refused and nothing is stored.
Options given beside --spec replace what the file says.

Examples:
  hub report save north-roster --query roster.graphql --column name=Committee --column province.name=Province --column "positions.person.fullName=Officials"
  hub report save participations --spec participations.yaml

${SPEC_HELP}`,
      args: { min: 1, max: 1 },
      options: {
        query: { type: 'string', description: 'a file holding the GraphQL query operation' },
        column: { type: 'string', multiple: true, description: 'a column: a path of the query (province.region), optionally =Header; repeat for each' },
        spec: { type: 'string', description: 'a JSON or YAML file with query (or queryFile), columns, explode, rows, separator, description' },
        explode: { type: 'string', multiple: true, description: 'a list that gives one row per item instead of one joined cell; repeatable' },
        rows: { type: 'string', description: "the list the rows come from (default: the query's root field)" },
        separator: { type: 'string', description: 'what joins a list\'s values in one CSV cell (default "; ")' },
        description: { type: 'string', description: 'a sentence saying what the report is for' },
      },
      async run({ args, options, print }) {
        const spec: Record<string, unknown> = options.spec ? await readSpecFile(options.spec as string) : {};
        if (options.query) spec.query = await readText(options.query as string, 'query file');
        if ((options.column as string[] | undefined)?.length) spec.columns = options.column;
        if ((options.explode as string[] | undefined)?.length) spec.explode = options.explode;
        for (const key of ['rows', 'separator', 'description'] as const) if (options[key] !== undefined) spec[key] = options[key];
        if (typeof spec.query !== 'string') throw new CliError('a report needs its query: --query <file.graphql>, or query/queryFile in --spec.');
        if (!Array.isArray(spec.columns) || spec.columns.length === 0) throw new CliError('a report needs its columns: --column <path> (repeat it), or columns in --spec.');
        const name = args[0]!;
        const answer = await callHub(hubTarget(), 'PUT', `/reports/${encodeURIComponent(name)}`, spec);
        if (answer.status === 400) throw new CliError(answer.body.error?.message ?? 'the report was refused', EXIT.checkFailed, answer.body);
        if (answer.status !== 200 && answer.status !== 201) throw refusal(answer);
        const { variables, columns, urls, replaced } = answer.body as { variables: Array<{ name: string; type: string }>; columns: string[]; urls: string[]; replaced: boolean };
        print(answer.body, [
          `${replaced ? 'Replaced' : 'Saved'} report "${name}" (${columns.length} column${columns.length === 1 ? '' : 's'}: ${columns.join(', ')}).`,
          variables.length ? `Variables, as query parameters: ${variables.map((v) => `${v.name} (${v.type})`).join(', ')}.` : 'It takes no variables.',
          `Fetch it with a bearer token at ${urls.join(', ')}.`,
        ].join('\n'));
      },
    },
    {
      name: 'list',
      summary: 'the reports every gateway serves: the built-in ones and those saved',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/reports');
        const reports: Array<{ name: string; builtIn: boolean; description: string | null; columns: number; savedBy?: string }> = answer.body.reports;
        print(answer.body, reports.map((r) => `${r.name.padEnd(28)} ${r.builtIn ? 'built-in' : `saved by ${r.savedBy}`.padEnd(8)}  ${r.columns} columns  ${r.description ?? ''}`.trimEnd()).join('\n'));
      },
    },
    {
      name: 'show',
      summary: "one report: its query, columns, variables and where to fetch it",
      usage: '<name>',
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const answer = await askHub('GET', `/reports/${encodeURIComponent(args[0]!)}`);
        const r = answer.body as { name: string; description?: string; builtIn: boolean; query: string; columns: Array<{ path: string; header: string }>; explode?: string[]; rows?: string; separator?: string; variables: Array<{ name: string; type: string; default?: string }>; fitsSchema: true | string; urls: string[]; savedBy?: string; savedAt?: string };
        print(r, [
          `${r.name}${r.builtIn ? ' (built-in)' : r.savedBy ? ` (saved by ${r.savedBy} at ${r.savedAt})` : ''}`,
          ...(r.description ? [r.description] : []),
          `columns: ${joinedColumns(r.columns)}`,
          ...(r.explode?.length ? [`one row per item of: ${r.explode.join(', ')}`] : []),
          ...(r.rows ? [`rows from: ${r.rows}`] : []),
          `variables: ${r.variables.length ? r.variables.map((v) => `${v.name}: ${v.type}${v.default ? ` = ${v.default}` : ''}`).join(', ') : 'none'}`,
          ...(r.fitsSchema === true ? [] : [`WARNING: it no longer fits the schema: ${r.fitsSchema}`]),
          `fetch: ${r.urls.join(', ')}`,
          '',
          r.query.trimEnd(),
        ].join('\n'));
        return r.fitsSchema === true ? EXIT.ok : EXIT.checkFailed;
      },
    },
    {
      name: 'remove',
      summary: 'remove a saved report (the built-in ones stay; needs hub:write)',
      usage: '<name>',
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const answer = await askHub('DELETE', `/reports/${encodeURIComponent(args[0]!)}`);
        print(answer.body, `Removed report "${args[0]}".`);
      },
    },
  ],
};

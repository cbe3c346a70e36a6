/** `hub subgraph …`: check, publish, list and remove subgraphs in the registry. */
import { readFile } from 'node:fs/promises';
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { askHub, callHub, hubTarget, refusal } from '../hub-client.js';
import { formatReport, type CheckReport } from './report-format.js';

async function readSchema(file: string | undefined): Promise<string> {
  if (!file) throw new CliError('--schema <file.graphql> is required (or --introspect to take the SDL from the running subgraph).');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the schema file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message}.`);
  }
}

/** The SDL to send: the file's, or none when the hub is to ask the running subgraph (not both). */
async function schemaSource(options: Record<string, unknown>): Promise<string | undefined> {
  if (options.introspect && options.schema) throw new CliError('give either --schema <file.graphql> or --introspect, not both: one schema is checked.');
  return options.introspect ? undefined : readSchema(options.schema as string | undefined);
}

export const subgraphCommands: CommandGroup = {
  name: 'subgraph',
  summary: 'check and publish a subgraph schema, list the graph, remove a subgraph',
  commands: [
    {
      name: 'check',
      summary: "check a schema against the graph: composition, the hub's rules, breaking changes clients use",
      usage: '<name> (--schema <file.graphql> | --introspect) [--url <url>]',
      help: 'Exit 0 when it passes (warnings included), 1 when it fails, 2 on a usage or connection error.\nHUB_TOKEN: the subgraph\'s publish token, or an operator token with hub:admin.',
      args: { min: 1, max: 1 },
      options: {
        schema: { type: 'string', description: 'the candidate SDL' },
        introspect: { type: 'boolean', description: "check the SDL the running subgraph serves at _service (asked with its secret)" },
        url: { type: 'string', description: 'the URL the subgraph will answer at (default: the registered one)' },
      },
      async run({ args, options, print }) {
        const sdl = await schemaSource(options);
        const answer = await askHub<CheckReport>('POST', `/registry/subgraphs/${encodeURIComponent(args[0]!)}/check`, { sdl, url: options.url, introspect: options.introspect === true });
        print(answer.body, formatReport(args[0]!, answer.body));
        return answer.body.ok ? EXIT.ok : EXIT.checkFailed;
      },
    },
    {
      name: 'publish',
      summary: 'check, then make the schema part of the graph (every gateway switches within seconds)',
      usage: '<name> (--schema <file.graphql> | --introspect) [--url <url>]',
      help: 'Stores nothing when the check fails (exit 1) or another publish won the race (exit 2: check again and retry).',
      args: { min: 1, max: 1 },
      options: {
        schema: { type: 'string', description: 'the SDL to publish' },
        introspect: { type: 'boolean', description: "take the SDL from the running subgraph's _service (asked with its secret)" },
        url: { type: 'string', description: 'change the URL the gateway calls it at' },
      },
      async run({ args, options, print }) {
        const sdl = await schemaSource(options);
        const answer = await callHub(hubTarget(), 'POST', `/registry/subgraphs/${encodeURIComponent(args[0]!)}/publish`, { sdl, url: options.url, introspect: options.introspect === true });
        if (answer.status === 422 && answer.body.report) {
          print({ ok: false, ...answer.body }, `${formatReport(args[0]!, answer.body.report)}\nNothing was published.`);
          return EXIT.checkFailed;
        }
        if (answer.status === 200 && answer.body.unchanged) {
          print({ ok: true, ...answer.body }, answer.body.message);
          return EXIT.ok;
        }
        if (answer.status !== 201) throw refusal(answer);
        print({ ok: true, ...answer.body }, `${formatReport(args[0]!, answer.body.report)}\nPublished "${args[0]}": the graph is now version ${answer.body.version}. Every gateway serves it within a few seconds.`);
      },
    },
    {
      name: 'list',
      summary: 'the subgraphs of the graph now',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/subgraphs');
        const rows: Array<{ name: string; url: string; builtIn: boolean }> = answer.body.subgraphs;
        print(answer.body, [`Version ${answer.body.version ?? '(none yet)'}:`, ...rows.map((s) => `  ${s.name.padEnd(16)} ${s.builtIn ? 'hub     ' : 'partner '} ${s.url}`)].join('\n'));
      },
    },
    {
      name: 'remove',
      summary: 'take a partner subgraph out of the graph (checked like a publish)',
      usage: '<name> [--force]',
      help: 'Fails (exit 1) when clients still use its fields, unless --force. Needs hub:admin.',
      args: { min: 1, max: 1 },
      options: { force: { type: 'boolean', description: 'remove even when recorded operations use its fields' } },
      async run({ args, options, print }) {
        const answer = await callHub(hubTarget(), 'DELETE', `/registry/subgraphs/${encodeURIComponent(args[0]!)}${options.force ? '?force=true' : ''}`);
        if (answer.status === 422 && answer.body.report) {
          print({ ok: false, ...answer.body }, `${formatReport(args[0]!, answer.body.report)}\nNothing was removed (--force removes it anyway).`);
          return EXIT.checkFailed;
        }
        if (answer.status !== 200) throw refusal(answer);
        print({ ok: true, ...answer.body }, `Removed "${args[0]}": the graph is now version ${answer.body.version}.`);
      },
    },
  ],
};

/** `hub operations …`: trusted documents (persisted operations) that clients run by id. */
import { readFile } from 'node:fs/promises';
import { CliError, type CommandGroup } from '../cli.js';
import { askHub } from '../hub-client.js';

const FORMATS: Record<string, string> = { apollo: "Apollo Client's manifest", relay: "Relay's persisted queries", 'graphql-codegen': "GraphQL Codegen's persisted documents" };

async function readManifestFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give the path of the manifest file.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON (${(error as Error).message}); a manifest is the JSON file your client's build writes. Nothing was stored.`);
  }
}

export const operationsCommands: CommandGroup = {
  name: 'operations',
  summary: 'persisted operations (trusted documents): publish a client manifest, list, remove',
  commands: [
    {
      name: 'publish',
      summary: "publish the operations of a client's manifest, all or none",
      usage: '<manifest>',
      help: [
        'Reads Apollo Client\'s persisted-query-manifest.json, Relay\'s persisted queries ({ "<id>": "<query>" } from',
        'relay-compiler\'s persistConfig) and GraphQL Codegen\'s persisted-documents.json; the format is detected. Each content',
        'hash is checked against its document and each operation against the graph; any problem (a wrong hash, an unknown',
        'format, a document that is not GraphQL or asks for what the graph does not have)',
        'refuses the whole manifest and stores nothing (exit 1). Needs an operator token (hub:admin) in HUB_TOKEN.',
        'Clients then send { "documentId": "<id>" } or extensions.persistedQuery.sha256Hash instead of the query.',
        'Example: hub operations publish web/persisted-query-manifest.json',
      ].join('\n'),
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const manifest = await readManifestFile(args[0]!);
        const answer = await askHub('POST', '/registry/operations', { manifest }, 201);
        const { format, added, unchanged, operations } = answer.body as { format: string; added: number; unchanged: number; operations: Array<{ id: string; name: string | null; type: string }> };
        print(answer.body, [
          `Published ${operations.length} operation${operations.length === 1 ? '' : 's'} from ${FORMATS[format] ?? format} (${added} new, ${unchanged} already published).`,
          ...operations.map((o) => `  ${o.type.padEnd(9)} ${(o.name ?? '(anonymous)').padEnd(32)} ${o.id}`),
        ].join('\n'));
      },
    },
    {
      name: 'list',
      summary: 'list published operations (name, type, id)',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/operations');
        const operations: Array<{ id: string; name: string | null; type: string; format: string; publishedAt: string }> = answer.body.operations;
        print(answer.body, operations.length === 0 ? 'No operations published; "hub operations publish <manifest>" adds them.' : operations.map((o) => `${o.type.padEnd(9)} ${(o.name ?? '(anonymous)').padEnd(32)} ${o.id}  (${o.format}, ${o.publishedAt})`).join('\n'));
      },
    },
    {
      name: 'remove',
      summary: 'remove a published operation by its id; clients sending it are then refused',
      usage: '<id>',
      help: 'Needs an operator token (hub:admin). Every gateway stops running it within a few seconds.',
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const answer = await askHub('DELETE', `/registry/operations/${encodeURIComponent(args[0]!)}`);
        print(answer.body, `Removed the published operation ${args[0]}.`);
      },
    },
  ],
};

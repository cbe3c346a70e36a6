/** `hub schema …`: the history of supergraph versions, one version, rollback. */
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { askHub, callHub, hubTarget, refusal } from '../hub-client.js';
import { formatReport, table } from './report-format.js';

export const schemaCommands: CommandGroup = {
  name: 'schema',
  summary: 'the history of supergraph versions; show one; roll back',
  commands: [
    {
      name: 'history',
      summary: 'versions, newest first: number, time, author, what it did',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/schema/history');
        const versions: Array<{ version: number; createdAt: string; author: string; action: string; hash: string; subgraphs: string[]; changes: unknown[] }> = answer.body.versions;
        print(
          answer.body,
          versions.length === 0
            ? 'The registry has no version yet (npm start publishes the first).'
            : table(['VERSION', 'CREATED', 'AUTHOR', 'CHANGES', 'ACTION', 'SUBGRAPHS'], versions.map((v) => [String(v.version), v.createdAt, v.author, String(v.changes.length), v.action, v.subgraphs.join(', ')]), [0, 3]),
        );
      },
    },
    {
      name: 'show',
      summary: 'print the supergraph SDL of a version (default: the latest)',
      usage: '[--version <n>]',
      options: { version: { type: 'string', description: 'the version number' } },
      async run({ options, print }) {
        const version = options.version as string | undefined;
        if (version !== undefined && !/^[1-9]\d*$/.test(version)) throw new CliError(`--version must be a version number (1, 2, …), got "${version}".`);
        const answer = await askHub('GET', `/registry/schema${version ? `?version=${version}` : ''}`);
        print(answer.body, answer.body.supergraph);
      },
    },
    {
      name: 'rollback',
      summary: "serve an earlier version again (recorded as a new version; needs hub:admin)",
      usage: '--to <n> [--force]',
      help: 'Checked like a publish: fails (exit 1) when it would break operations clients ran, unless --force;\nrefused when the old version has a partner subgraph whose partner was removed since.',
      options: {
        to: { type: 'string', description: 'the version to go back to' },
        force: { type: 'boolean', description: 'roll back even when recorded operations use what it removes' },
      },
      async run({ options, print }) {
        const to = options.to as string | undefined;
        if (!to || !/^[1-9]\d*$/.test(to)) throw new CliError('--to <n> is required: the version number to go back to ("hub schema history" lists them).');
        const answer = await callHub(hubTarget(), 'POST', '/registry/schema/rollback', { to: Number(to), force: options.force === true });
        if (answer.status === 422 && answer.body.report) {
          print({ ok: false, ...answer.body }, `${formatReport(`rollback to ${to}`, answer.body.report)}\nNothing was rolled back (--force rolls back anyway).`);
          return EXIT.checkFailed;
        }
        if (answer.status === 200 && answer.body.unchanged) {
          print({ ok: true, ...answer.body }, answer.body.message);
          return EXIT.ok;
        }
        if (answer.status !== 201) throw refusal(answer);
        print({ ok: true, ...answer.body }, `${formatReport(`rollback to ${to}`, answer.body.report)}\nVersion ${answer.body.version} now serves what version ${to} served; every gateway switches within a few seconds.`);
      },
    },
  ],
};

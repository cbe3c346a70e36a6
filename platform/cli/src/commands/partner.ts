/** `hub partner …`: registering partner subgraphs and their credentials (operators, hub:admin). */
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { askHub } from '../hub-client.js';
import { scaffold } from './partner-scaffold.js';

export const partnerCommands: CommandGroup = {
  name: 'partner',
  summary: 'register partner subgraphs, rotate their secrets, remove them, scaffold a new one',
  commands: [
    {
      name: 'add',
      summary: 'register a partner; prints its signing secret and publish token once',
      usage: '<name> --url <subgraph-url> [--contact <text>]',
      help: 'Needs an operator token (hub:admin) in HUB_TOKEN. Keep the secret and the token printed: they are not shown again.\nExample: hub partner add media --url http://media.example:4010/graphql --contact "press office"',
      args: { min: 1, max: 1 },
      options: {
        url: { type: 'string', description: "the partner subgraph's GraphQL endpoint (http:// or https://)" },
        contact: { type: 'string', description: 'who to call about it' },
      },
      async run({ args, options, print }) {
        if (!options.url) throw new CliError('--url is required: the GraphQL endpoint where the gateway will call the partner, e.g. --url http://media.example:4010/graphql.');
        const answer = await askHub('POST', '/registry/partners', { name: args[0], url: options.url, contact: options.contact }, 201);
        const { name, url, secret, publishToken } = answer.body;
        print(answer.body, [
          `Registered partner "${name}" at ${url}.`,
          '',
          `  signing secret: ${secret}`,
          `  publish token:  ${publishToken}`,
          '',
          'Both are shown only now. Give them to the partner over a safe channel: the secret goes into',
          'their subgraph (it verifies the gateway\'s signature, see PARTNERS.md), the token into their CI',
          `(HUB_TOKEN for "hub subgraph check|publish ${name}").`,
        ].join('\n'));
      },
    },
    {
      name: 'list',
      summary: 'list registered partners (no secrets)',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/partners');
        const partners: Array<{ name: string; url: string; contact: string | null; published: boolean; secrets: Array<{ retiresAt: string | null }> }> = answer.body.partners;
        print(answer.body, partners.length === 0 ? 'No partners registered.' : partners.map((p) => `${p.name.padEnd(16)} ${p.published ? 'in the graph ' : 'not published'}  ${p.url}${p.contact ? `  (${p.contact})` : ''}${p.secrets.length > 1 ? '  [rotation in progress]' : ''}`).join('\n'));
      },
    },
    {
      name: 'rotate',
      summary: 'give a partner a new signing secret (the old one keeps working for a grace period), or a new publish token',
      usage: '<name> [--revoke-old | --publish-token]',
      help: '--revoke-old: the old secret(s) stop at once (a leaked secret), within one registry poll of every gateway.\n--publish-token: a new publish token instead; the old token stops working at once.',
      args: { min: 1, max: 1 },
      options: {
        'revoke-old': { type: 'boolean', description: 'stop sending the old secret(s) now instead of after the grace period' },
        'publish-token': { type: 'boolean', description: 'replace the publish token (not the secret)' },
      },
      async run({ args, options, print }) {
        const name = encodeURIComponent(args[0]!);
        if (options['publish-token']) {
          if (options['revoke-old']) throw new CliError('--revoke-old is for signing secrets; a replaced publish token always stops at once. Give one of them.');
          const answer = await askHub('POST', `/registry/partners/${name}/publish-token`);
          print(answer.body, `New publish token for "${args[0]}": ${answer.body.publishToken}\nShown only now; the old token no longer works.`);
          return EXIT.ok;
        }
        const answer = await askHub('POST', `/registry/partners/${name}/rotate`, { revokeOld: options['revoke-old'] === true });
        print(
          answer.body,
          answer.body.revokedOld
            ? `New signing secret for "${args[0]}": ${answer.body.secret}\nThe old secret(s) are revoked: the gateway signs with the new one only (every gateway within a registry poll).`
            : `New signing secret for "${args[0]}": ${answer.body.secret}\nThe gateway signs with both until ${answer.body.oldSecretRetiresAt}; the partner should switch to the new one before then.`,
        );
      },
    },
    {
      name: 'remove',
      summary: "delete a partner's credentials (remove its subgraph from the graph first)",
      usage: '<name>',
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const answer = await askHub('DELETE', `/registry/partners/${encodeURIComponent(args[0]!)}`);
        print(answer.body, `Removed partner "${args[0]}".`);
      },
    },
    {
      name: 'scaffold',
      summary: 'write a standalone TypeScript partner subgraph project to start from',
      usage: '<name> [--dir <dir>]',
      help: 'Writes a project that installs, builds, tests and runs on its own (its own package.json; type-graphql;\nthe hub\'s signature checked; a type that extends the hub\'s Event by its key). Refuses to write into a folder that is not empty.',
      args: { min: 1, max: 1 },
      options: { dir: { type: 'string', description: 'where to write it (default ./<name>-subgraph)' } },
      async run({ args, options, print }) {
        const name = args[0]!;
        if (!/^[a-z][a-z0-9-]{1,39}$/.test(name)) throw new CliError(`"${name}" is not a valid subgraph name: use 2 to 40 lower-case letters, digits and dashes, starting with a letter.`);
        const written = await scaffold(name, (options.dir as string | undefined) ?? `${name}-subgraph`);
        print({ dir: written.dir, files: written.files }, `Wrote ${written.files.length} files to ${written.dir}.\nNext: cd ${written.dir} && npm install && npm test, then see its README.`);
        return EXIT.ok;
      },
    },
  ],
};

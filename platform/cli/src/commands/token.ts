/** `hub token …`: service tokens for reporting tools and other services (operators, hub:admin). */
import { CliError, type CommandGroup } from '../cli.js';
import { askHub } from '../hub-client.js';

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  safelist: boolean;
  status: 'live' | 'revoked' | 'expired';
  expiresAt: string;
  revokedAt: string | null;
}

const line = (t: TokenRow) => `${t.name.padEnd(20)} ${t.status.padEnd(8)} ${t.scopes.join(',').padEnd(20)} ${t.safelist ? 'safelist ' : '         '} expires ${t.expiresAt}  ${t.id}`;

export const tokenCommands: CommandGroup = {
  name: 'token',
  summary: 'service tokens for reporting tools: create, list, revoke',
  commands: [
    {
      name: 'create',
      summary: 'issue a service token for a tool; prints it once',
      usage: '--name <tool> --scopes <a,b> [--safelist] [--expires <lifetime>]',
      help: [
        'Needs an operator token (hub:admin) in HUB_TOKEN. The token is a JWT every gateway accepts; the registry keeps its',
        'id, name, scopes and expiry (never the token itself), so "hub token revoke" can take it back. Keep it: it is not shown again.',
        'A lifetime is 30m, 8h, 30d or 2w (default 30 days), at most the hub\'s HUB_MAX_TOKEN_DAYS (default 90).',
        'With --safelist the token may run only operations published with "hub operations publish": the usual setting',
        'for a reporting tool in production.',
        'Example: hub token create --name powerbi --scopes hub:read --safelist --expires 30d',
      ].join('\n'),
      options: {
        name: { type: 'string', description: 'the tool the token is for (2 to 64 lower-case letters, digits, . _ -)' },
        scopes: { type: 'string', description: 'hub:read, hub:write and/or hub:admin, separated by commas' },
        safelist: { type: 'boolean', description: 'allow only persisted (published) operations' },
        expires: { type: 'string', description: 'how long it is valid: 30m, 8h, 30d, 2w (default 30d)' },
      },
      async run({ options, print }) {
        if (!options.name) throw new CliError('--name is required: the tool the token is for, e.g. --name powerbi.');
        if (!options.scopes) throw new CliError('--scopes is required: hub:read, hub:write and/or hub:admin, e.g. --scopes hub:read.');
        const answer = await askHub('POST', '/registry/tokens', { name: options.name, scopes: String(options.scopes).split(',').map((s) => s.trim()).filter(Boolean), safelist: options.safelist === true, expires: options.expires }, 201);
        const t = answer.body as TokenRow & { token: string };
        print(answer.body, [
          `Created service token "${t.name}" (id ${t.id}): ${t.scopes.join(', ')}${t.safelist ? ', published operations only' : ''}, valid until ${t.expiresAt}.`,
          '',
          `  ${t.token}`,
          '',
          'It is shown only now. The tool sends it as "Authorization: Bearer <token>"; "hub token revoke',
          `${t.name}" takes it back on every gateway within a few seconds.`,
        ].join('\n'));
      },
    },
    {
      name: 'list',
      summary: 'list service tokens: live, revoked and expired (never the tokens themselves)',
      usage: '',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/tokens');
        const tokens: TokenRow[] = answer.body.tokens;
        print(answer.body, tokens.length === 0 ? 'No service tokens; "hub token create" makes one.' : tokens.map(line).join('\n'));
      },
    },
    {
      name: 'revoke',
      summary: 'revoke a service token by its name or id; every gateway refuses it within a few seconds',
      usage: '<name|id>',
      help: 'Needs an operator token (hub:admin). The token stays listed as revoked; a new one may then be created under the same name.',
      args: { min: 1, max: 1 },
      async run({ args, print }) {
        const answer = await askHub('POST', `/registry/tokens/${encodeURIComponent(args[0]!)}/revoke`);
        const t = answer.body as TokenRow & { alreadyRevoked: boolean };
        print(answer.body, t.alreadyRevoked ? `Service token "${t.name}" (id ${t.id}) was already revoked at ${t.revokedAt}.` : `Revoked service token "${t.name}" (id ${t.id}); every gateway refuses it within a few seconds.`);
      },
    },
  ],
};

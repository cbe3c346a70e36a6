/**
 * `npm run token -- [--scopes hub:read,hub:write] [--subject name] [--expires 8h]`
 * prints a development token for the gateway (signed with HUB_JWT_SECRET, or the development
 * secret kept in HUB_DATA_DIR). Service tokens for tools are `hub token create` instead: those
 * are recorded in the registry and can be revoked.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@hub/core/config';
import { gatewaySpec } from './config.js';
import { developmentJwtSecret } from './dev-secret.js';
import { mintToken, parseLifetime, parseScopes } from './token.js';

const HELP = `npm run token -- [--scopes <a,b>] [--subject <name>] [--expires <lifetime>]

Prints a personal development token (a JWT) the gateway accepts, signed with HUB_JWT_SECRET or,
when that is unset, with the development secret the gateway keeps in HUB_DATA_DIR/dev-jwt-secret.

Options:
  --scopes <a,b>        hub:read, hub:write and/or hub:admin, separated by commas (default hub:read)
  --subject <name>      who the token speaks for (default developer)
  --expires <lifetime>  30m, 8h, 7d or 2w (default 8h); at most HUB_MAX_TOKEN_DAYS days (default 90)
  -h, --help            show this help

For a reporting tool or another service, use "npm run hub -- token create" instead: its tokens
are recorded in the registry and can be revoked.
Example: TOKEN=$(npm run --silent token -- --scopes hub:read,hub:write --expires 8h)`;

function main(argv: string[]): Promise<number> | number {
  let values: { scopes: string; subject: string; expires: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scopes: { type: 'string', default: 'hub:read' },
        subject: { type: 'string', default: 'developer' },
        expires: { type: 'string', default: '8h' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  return mint(values);
}

function usage(message: string): number {
  process.stderr.write(`npm run token: ${message}; "npm run token -- --help" lists the options.\n`);
  return 2;
}

async function mint(values: { scopes: string; subject: string; expires: string }): Promise<number> {
  let config;
  try {
    config = loadConfig({
      HUB_JWT_SECRET: gatewaySpec.HUB_JWT_SECRET,
      HUB_DATA_DIR: gatewaySpec.HUB_DATA_DIR,
      HUB_JWT_ISSUER: gatewaySpec.HUB_JWT_ISSUER,
      HUB_JWT_AUDIENCE: gatewaySpec.HUB_JWT_AUDIENCE,
      HUB_MAX_TOKEN_DAYS: gatewaySpec.HUB_MAX_TOKEN_DAYS,
    });
  } catch (error) {
    process.stderr.write(`npm run token: ${(error as Error).message}\n`);
    return 2;
  }
  let seconds: number;
  let scopes;
  try {
    seconds = parseLifetime(values.expires, config.HUB_MAX_TOKEN_DAYS);
  } catch (error) {
    return usage(`--expires: ${(error as Error).message}`);
  }
  try {
    scopes = parseScopes(values.scopes);
  } catch (error) {
    return usage(`--scopes: ${(error as Error).message}`);
  }
  const token = await mintToken({
    secret: config.HUB_JWT_SECRET ?? (await developmentJwtSecret(config.HUB_DATA_DIR)),
    subject: values.subject,
    scopes,
    expiresIn: `${seconds}s`,
    issuer: config.HUB_JWT_ISSUER,
    audience: config.HUB_JWT_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

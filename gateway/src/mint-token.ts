/**
 * `npm run token -- [--scopes hub:read,hub:write] [--subject name] [--expires 8h]`
 * prints a development token for the gateway (signed with HUB_JWT_SECRET, or the development
 * secret kept in HUB_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import { loadConfig, runMain } from '@hub/core';
import { gatewaySpec } from './config.js';
import { developmentJwtSecret } from './dev-secret.js';
import { mintToken, parseScopes } from './token.js';

runMain('npm run token', async () => {
  const { values } = parseArgs({
    options: {
      scopes: { type: 'string', default: 'hub:read' },
      subject: { type: 'string', default: 'developer' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!/^\d+\s*[smhdw]$/.test(values.expires)) throw new Error(`--expires must look like 30m, 8h or 7d, got ${JSON.stringify(values.expires)}`);
  const { HUB_JWT_SECRET, HUB_DATA_DIR, HUB_JWT_ISSUER, HUB_JWT_AUDIENCE } = loadConfig({
    HUB_JWT_SECRET: gatewaySpec.HUB_JWT_SECRET,
    HUB_DATA_DIR: gatewaySpec.HUB_DATA_DIR,
    HUB_JWT_ISSUER: gatewaySpec.HUB_JWT_ISSUER,
    HUB_JWT_AUDIENCE: gatewaySpec.HUB_JWT_AUDIENCE,
  });
  const token = await mintToken({
    secret: HUB_JWT_SECRET ?? (await developmentJwtSecret(HUB_DATA_DIR)),
    subject: values.subject,
    scopes: parseScopes(values.scopes),
    expiresIn: values.expires,
    issuer: HUB_JWT_ISSUER,
    audience: HUB_JWT_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
  return async () => undefined;
});

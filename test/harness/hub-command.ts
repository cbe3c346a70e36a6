/** Runs the real `hub` command against the hub under test, as an operator, a partner's CI or a reporting tool would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hub } from './client.js';

export const HUB_COMMAND = fileURLToPath(new URL('../../platform/cli/bin/hub.mjs', import.meta.url));

/** `hub …args --json` with HUB_URL at the gateway and HUB_TOKEN set; its exit code, parsed answer and stderr. */
export function hubCommand(tokenValue: string | undefined, ...args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, HUB_URL: hub().gatewayUrl.replace(/\/graphql$/, ''), HUB_TOKEN: tokenValue ?? '' };
    const child = spawn(process.execPath, [HUB_COMMAND, ...args, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      let json: any;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = { unparsed: stdout };
      }
      resolve({ code: code ?? -1, json, stderr });
    });
  });
}

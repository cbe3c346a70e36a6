/** Runs the `hub` command against the hub under test, as an operator or a partner's CI would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hub } from './client.js';

export const HUB_COMMAND = fileURLToPath(new URL('../../platform/cli/bin/hub.mjs', import.meta.url));

/** `hub <args…> --json` with HUB_TOKEN=token; its exit code, parsed answer and stderr. */
export function hubCommand(token: string, ...args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  return new Promise((resolve) => {
    const gateway = hub().gatewayUrl.replace(/\/graphql$/, '');
    const child = spawn(process.execPath, [HUB_COMMAND, ...args, '--json'], { env: { ...process.env, HUB_URL: gateway, HUB_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
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

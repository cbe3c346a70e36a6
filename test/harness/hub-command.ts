/** Runs the real `hub` command as its own process, as an operator or a tool's CI would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hub } from './client.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HUB_COMMAND = fileURLToPath(new URL('../../platform/cli/bin/hub.mjs', import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed, when it is JSON. */
  json: any;
}

/** Runs any program to its end, collecting what it printed. */
export function run(program: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
  });
}

/** `hub <args…>` against the hub under test, with `token` in HUB_TOKEN. */
export function hubCommand(token: string | undefined, ...args: string[]): Promise<CommandResult> {
  return run(process.execPath, [HUB_COMMAND, ...args], { HUB_URL: hub().gatewayUrl.replace(/\/graphql$/, ''), HUB_TOKEN: token });
}

/** `hub <args…> --json` against the hub under test: what scripts read. */
export async function hubJson(token: string | undefined, ...args: string[]): Promise<CommandResult> {
  const result = await hubCommand(token, ...args, '--json');
  // Whatever it printed stays readable in an assertion's message when it is not JSON.
  return { ...result, json: result.json ?? { unparsed: result.stdout } };
}

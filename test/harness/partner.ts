/**
 * What the partner tests share: the `hub` command run as its own process, as a partner's CI or
 * an operator runs it, and the example partner (examples/partner-media) started as its own
 * process, as the ministry would run it. Every partner started is remembered, so none outlives a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './hub-command.js';

const PARTNER = join(ROOT, 'examples/partner-media/dist/main.js');
const PARTNER_DATA = join(ROOT, 'examples/partner-media/test/fixtures/example-coverage.json');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const startedPartners: ChildProcess[] = [];

/** Starts the example partner on `port`, verifying the gateway's signature with `secret`. */
export async function startPartner(port: number, secret: string, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [PARTNER], {
    env: { ...process.env, MEDIA_SIGNING_SECRET: secret, MEDIA_PORT: String(port), MEDIA_DATA: PARTNER_DATA, ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  startedPartners.push(child);
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('listening on') && resolve());
    child.once('exit', (code) => reject(new Error(`the partner exited with ${code}`)));
  });
  return child;
}

export async function stopPartner(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * An operator's bad day, with real processes: a subgraph killed under load, the store killed and
 * coming back. What must hold: the healthy parts keep answering, callers hear about an outage
 * within about a second from an error that names what is down, readiness says which part is
 * down, the launcher restarts what died, and the hub recovers by itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './harness/client.js';
import { exitOf, launched, startLauncher, type Started } from './harness/launcher.js';

let dataDir: string;
let hub: Started;

/** The pid of the launcher's child whose command line matches `pattern`. */
function childPid(pattern: RegExp): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(hub.child.pid)], { encoding: 'utf8' }).split('\n');
  const line = lines.find((l) => pattern.test(l));
  if (!line) throw new Error(`no child of the launcher matches ${pattern}:\n${lines.join('\n')}`);
  return Number(line.trim().split(/\s+/)[0]);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const readiness = async () => {
  const started = performance.now();
  const response = await fetch(hub.gatewayUrl.replace('/graphql', '/health/ready'));
  return { status: response.status, body: (await response.json()) as { reason?: string; subgraphs: Record<string, string> }, ms: performance.now() - started };
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-faults-'));
  hub = await startLauncher(dataDir);
}, 300_000);
afterAll(async () => {
  for (const child of launched) {
    child.kill('SIGTERM');
    await exitOf(child);
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('a subgraph killed under load', () => {
  it('leaves the rest answering, is named while down, and is restarted', async () => {
    // A bounded background load: queries that never touch the events subgraph.
    let running = true;
    const failures: string[] = [];
    let served = 0;
    const load = (async () => {
      while (running) {
        const { body } = await graphql('{ committees(first: 5) { edges { node { name province { name } } } } }', { url: hub.gatewayUrl });
        if (body.errors || !body.data) failures.push(JSON.stringify(body.errors));
        else served += 1;
      }
    })();

    process.kill(childPid(/events\/dist\/main\.js/), 'SIGKILL');
    const down = await until('readiness to name events', async () => {
      const ready = await readiness();
      return ready.status === 503 ? ready : undefined;
    });
    expect(down.body.reason).toContain('events');
    expect(down.ms).toBeLessThan(1_000);

    // A query that needs events: its part is null with an error naming it; the rest stands.
    const touching = await graphql('{ committees(first: 2) { edges { node { name events { totalCount } } } } }', { url: hub.gatewayUrl });
    if (touching.body.errors) {
      expect(touching.body.data?.committees.edges[0].node.name).toEqual(expect.any(String));
      expect(touching.body.errors.some((error) => error.extensions?.serviceName === 'events')).toBe(true);
    }

    await until('events to be restarted and ready', async () => ((await readiness()).status === 200 ? true : undefined));
    const after = await graphql('{ events(first: 1) { totalCount } }', { url: hub.gatewayUrl });
    expect(after.body.errors).toBeUndefined();
    running = false;
    await load;
    expect(served).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    // The launcher says so once it has seen the new process ready, which may be a moment after the
    // gateway's readiness did.
    const restarted = /the events subgraph exited unexpectedly \(signal SIGKILL\)[\s\S]*the events subgraph restarted/;
    await until('the launcher to log the restart', async () => (restarted.test(hub.output()) ? true : undefined));
    expect(hub.output()).toMatch(restarted);
  }, 120_000);
});

describe('the store killed and restored', () => {
  it('tells callers within about a second which database is down, and recovers by itself', async () => {
    expect((await graphql('{ people { totalCount } }', { url: hub.gatewayUrl })).body.errors).toBeUndefined();
    process.kill(childPid(/ferretdb-hub/), 'SIGKILL');
    const started = performance.now();
    const { body } = await graphql('{ people { totalCount } }', { url: hub.gatewayUrl });
    const ms = performance.now() - started;
    process.stderr.write(`store outage answer after ${Math.round(ms)} ms: ${JSON.stringify(body.errors ?? 'none')}\n`);
    // Either the store is already back (a fast restart) or the answer names the database.
    if (body.errors) {
      expect(ms).toBeLessThan(3_000);
      expect(body.errors[0]!.message).toMatch(/database \(hub_organization\) is unavailable/);
      expect(body.errors[0]!.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    }
    await until('the store to be back and queries to answer', async () => {
      const again = await graphql('{ people { totalCount } }', { url: hub.gatewayUrl });
      return again.body.errors ? undefined : again;
    });
    expect((await readiness()).status).toBe(200);
    expect(hub.output()).toMatch(/the embedded store exited unexpectedly[\s\S]*the embedded store restarted/);
    // The outage is logged as state changes, not a stack per request.
    expect(hub.output()).not.toMatch(/operation failed[^\n]*DATABASE_UNAVAILABLE|MongoServerSelectionError[^\n]*\n\s+at /);
  }, 120_000);
});

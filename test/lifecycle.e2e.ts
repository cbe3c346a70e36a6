/**
 * `npm start` as a newcomer runs it: the hub comes up on the embedded store and says where,
 * Ctrl-C stops every process it started, a second start finds the data of the first, and even
 * a launcher killed outright leaves no orphans behind.
 */
import { describe, expect, it } from 'vitest';
import { graphql, hub } from './harness/client.js';
import { exitOf, launcherDataDir, startLauncher } from './harness/launcher.js';
import { haveSourceDocuments } from './harness/source-documents.js';

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

/** Processes whose command line mentions the data folder (the embedded store does). */
async function processesUsing(dataDir: string): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));
}

describe('npm start', () => {
  const dataDir = launcherDataDir('hub-start-');

  it('starts, serves, and stops every process on Ctrl-C', async () => {
    const hub = await startLauncher(dataDir());
    expect(hub.output()).toContain('embedded store ready');
    // With ../shared beside the checkout, npm start takes in the five documents' text.
    if (haveSourceDocuments) expect(hub.output()).toMatch(/imported the articles of \S*seed-documents/);
    const result = await graphql('{ committees { totalCount } }', { url: hub.gatewayUrl });
    expect(result.body.data?.committees.totalCount).toBe(64);

    hub.child.kill('SIGINT');
    expect(await exitOf(hub.child)).toBe(0);
    expect(hub.output()).toContain('stopped');
    expect(await refusesConnections(hub.gatewayUrl)).toBe(true);
    expect(await processesUsing(dataDir())).toEqual([]);
  });

  it('reuses the stored data on the next start', async () => {
    const hub = await startLauncher(dataDir(), { HUB_SEED: 'false' });
    try {
      const result = await graphql('{ committees { totalCount } }', { url: hub.gatewayUrl });
      expect(result.body.data?.committees.totalCount).toBe(64);
    } finally {
      hub.child.kill('SIGTERM');
      await exitOf(hub.child);
    }
  });

  it('leaves no orphans when the launcher is killed outright', async () => {
    const hub = await startLauncher(dataDir(), { HUB_SEED: 'false' });
    hub.child.kill('SIGKILL');
    await exitOf(hub.child);
    // The children notice their stdin pipe closing and stop by themselves.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && ((await processesUsing(dataDir())).length > 0 || !(await refusesConnections(hub.gatewayUrl)))) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await refusesConnections(hub.gatewayUrl)).toBe(true);
    expect(await processesUsing(dataDir())).toEqual([]);
  });

  it('uses the MongoDB server it is given and starts no store of its own', async () => {
    // The test hub's store stands in for a production MongoDB; other database names keep it apart.
    const uri = hub().targets.organization!.uri;
    const started = await startLauncher(dataDir(), { MONGODB_URI: uri, ORGANIZATION_DB: 'given_org', EVENTS_DB: 'given_events', KNOWLEDGE_DB: 'given_knowledge' });
    try {
      expect(started.output()).toContain('using the configured MongoDB server(s); no embedded store started');
      expect(started.output()).not.toContain('embedded store ready');
      const result = await graphql('{ committees { totalCount } }', { url: started.gatewayUrl });
      expect(result.body.data?.committees.totalCount).toBe(64);
      expect(await processesUsing(dataDir())).toEqual([]);
    } finally {
      started.child.kill('SIGTERM');
      await exitOf(started.child);
    }
  });

  it('refuses bad configuration with a message naming the variable', async () => {
    await expect(startLauncher(dataDir(), { GATEWAY_PORT: 'forty' })).rejects.toThrow(/GATEWAY_PORT must be an integer from 0 to 65535.*, got "forty"/);
    // A port Node's fetch refuses (6000) would leave the gateway unreachable: named at once.
    await expect(startLauncher(dataDir(), { GATEWAY_PORT: '6000' })).rejects.toThrow(/GATEWAY_PORT .*got "6000" \(Node's fetch refuses to connect to port 6000/);
  });
});

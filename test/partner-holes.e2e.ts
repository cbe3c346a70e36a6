/**
 * What an outside engineer found building a partner from PARTNERS.md alone, each checked against
 * the real hub, the real `hub` command and the example partner running as its own process:
 * flags that contradict each other, a published SDL that differs from what the subgraph serves,
 * publish errors that say what actually happened, identical publishes, safe changes reported,
 * readiness that follows the served partners, a publish token that reads only its own usage,
 * rotations, and rollbacks checked like publishes.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub, token } from './harness/client.js';
import { freePort, startedPartners, startPartner, stopPartner, until } from './harness/partner.js';
import { hubJson } from './harness/hub-command.js';

const NAME = 'press';
let folder: string;
let admin: string;
let secret: string;
let publishToken: string;
let port: number;
let partner: ChildProcess;
let schemaFile: string;
let sdl: string;
/** The version before the partner joined, and the first with it. */
let withoutPartner: number;
let withPartner: number;

const readiness = async () => {
  const response = await fetch(hub().gatewayUrl.replace(/\/graphql$/, '/health/ready'));
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string; subgraphs: Record<string, string> } };
};
const latestVersion = async () => (await hubJson(admin, 'schema', 'history')).json.versions[0] as { version: number; action: string; changes: Array<{ severity: string; coordinate: string }> };
/** Everything a command said: with --json its refusal is in the JSON, else on stderr. */
const said = (result: { stderr: string; json: unknown }) => `${result.stderr}${JSON.stringify(result.json)}`;
const CROSSING = '{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { title coverage { headline outlet { name } } } }';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-partner-holes-'));
  admin = await token(['hub:admin', 'hub:read'], '30m');
  port = await freePort();
  const added = await hubJson(admin, 'partner', 'add', NAME, '--url', `http://127.0.0.1:${port}/graphql`);
  expect(added.code, added.stderr).toBe(0);
  ({ secret, publishToken } = added.json);
  partner = await startPartner(port, secret);
  const { typeDefs } = await import('partner-media/dist/schema.js');
  sdl = (await import('graphql')).print(typeDefs);
  schemaFile = join(folder, 'schema.graphql');
  await writeFile(schemaFile, sdl);
  withoutPartner = (await latestVersion()).version;
});
afterAll(async () => {
  await hubJson(admin, 'subgraph', 'remove', NAME, '--force');
  await hubJson(admin, 'partner', 'remove', NAME);
  for (const child of startedPartners) await stopPartner(child);
  await rm(folder, { recursive: true, force: true });
});

describe('checking and publishing', () => {
  it('refuses --schema together with --introspect, and checks by --introspect', async () => {
    const both = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile, '--introspect');
    expect(both.code).toBe(2);
    expect(said(both)).toContain('not both');
    const check = await hubJson(publishToken, 'subgraph', 'check', NAME, '--introspect');
    expect(check.code, JSON.stringify(check.json)).toBe(0);
    // A new subgraph's additions are reported, not "no change clients could notice".
    expect(check.json).toMatchObject({ ok: true, stage: 'usage' });
    expect(check.json.changes).toContainEqual(expect.objectContaining({ severity: 'SAFE', type: 'FIELD_ADDED', coordinate: 'Event.coverage', verdict: 'safe' }));
  });

  it('refuses to publish SDL that differs from what the subgraph serves, naming what differs', async () => {
    const other = join(folder, 'other.graphql');
    await writeFile(other, sdl.replace('url: String', 'url: String\n  notServed: Int'));
    const published = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', other);
    expect(published.code).toBe(1);
    expect(said(published)).toContain('serves a different schema');
    expect(said(published)).toContain('Coverage');
    expect((await latestVersion()).version).toBe(withoutPartner);
  });

  it('says what happened when the partner answers but refuses: 401 names the secret, 404 the path', async () => {
    const wrongSecretPort = await freePort();
    const wrong = await startPartner(wrongSecretPort, 'not-the-secret-the-hub-signs-with-0123456789');
    try {
      const refused = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile, '--url', `http://127.0.0.1:${wrongSecretPort}/graphql`);
      expect(refused.code).toBe(2);
      expect(said(refused)).toContain('HTTP 401');
      expect(said(refused)).toContain("your subgraph refused the gateway's signature: check the signing secret from `hub partner add`");
      expect(said(refused)).not.toContain('Cannot reach');
    } finally {
      await stopPartner(wrong);
    }
    const wrongPath = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile, '--url', `http://127.0.0.1:${port}/nowhere`);
    expect(wrongPath.code).toBe(2);
    expect(said(wrongPath)).toContain('HTTP 404');
    expect(said(wrongPath)).toContain("the URL's path is wrong");
    expect((await latestVersion()).version).toBe(withoutPartner);
  });

  it('publishes, records the safe changes in history, and answers an identical publish without a new version', async () => {
    const published = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile);
    expect(published.code, JSON.stringify(published.json)).toBe(0);
    withPartner = published.json.version;
    const latest = await latestVersion();
    expect(latest.version).toBe(withPartner);
    expect(latest.changes).toContainEqual(expect.objectContaining({ severity: 'SAFE', coordinate: 'Event.coverage' }));
    const again = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile);
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json).toMatchObject({ unchanged: true, version: withPartner });
    expect(again.json.message).toContain(`Already serving this schema (version ${withPartner})`);
    expect((await latestVersion()).version).toBe(withPartner);
  });

  it('keeps `partner list` and `subgraph list` on one URL after a publish with --url', async () => {
    const movedPort = await freePort();
    const moved = await startPartner(movedPort, secret);
    const url = `http://127.0.0.1:${movedPort}/graphql`;
    const published = await hubJson(publishToken, 'subgraph', 'publish', NAME, '--schema', schemaFile, '--url', url);
    expect(published.code, JSON.stringify(published.json)).toBe(0);
    const partners = (await hubJson(admin, 'partner', 'list')).json.partners as Array<{ name: string; url: string }>;
    const subgraphs = (await hubJson(admin, 'subgraph', 'list')).json.subgraphs as Array<{ name: string; url: string }>;
    expect(partners.find((p) => p.name === NAME)!.url).toBe(url);
    expect(subgraphs.find((s) => s.name === NAME)!.url).toBe(url);
    await stopPartner(partner);
    partner = moved;
    port = movedPort;
  });
});

describe('readiness', () => {
  it("probes the partner's health endpoint: down is 'degraded' with 200, never 503, and back is ready", async () => {
    await until('the partner to be listed as ready', async () => ((await readiness()).body.subgraphs[NAME] === 'ready' ? true : undefined));
    await stopPartner(partner);
    const down = await until('the partner to be reported down', async () => {
      const answer = await readiness();
      return answer.body.subgraphs[NAME]?.startsWith('unreachable') ? answer : undefined;
    });
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.reason).toContain(NAME);
    partner = await startPartner(port, secret);
    await until('the partner to be ready again', async () => ((await readiness()).body.status === 'ready' ? true : undefined));
  });
});

describe("a publish token's reach", () => {
  it("reads the usage of its own subgraph's fields only", async () => {
    await until('the partner fields', async () => ((await graphql(CROSSING, { headers: { 'apollographql-client-name': 'press-desk' } })).body.data?.event?.coverage ? true : undefined));
    await graphql('{ committees(first: 1) { totalCount } }', { headers: { 'apollographql-client-name': 'hub-only-team' } });
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // the gateway writes usage every 5 s
    const mine = await hubJson(publishToken, 'usage');
    expect(mine.code, mine.stderr).toBe(0);
    const clients = (mine.json.operations as Array<{ client: string; coordinates: string[] }>).map((row) => row.client);
    expect(clients).toContain('press-desk');
    expect(clients).not.toContain('hub-only-team');
    for (const row of mine.json.operations as Array<{ coordinates: string[] }>) expect(row.coordinates.some((c) => c.startsWith('Event.title') || c.startsWith('Query.committees'))).toBe(false);
    const hubField = await hubJson(publishToken, 'usage', '--coordinate', 'Query.committees');
    expect(hubField.code).toBe(2);
    expect(said(hubField)).toContain("its own subgraph's fields only");
    const operator = await hubJson(admin, 'usage');
    expect((operator.json.operations as Array<{ client: string }>).map((row) => row.client)).toContain('hub-only-team');
  });
});

describe('rotation', () => {
  it('replaces the publish token (the old one stops at once) and revokes old secrets on request', async () => {
    const replaced = await hubJson(admin, 'partner', 'rotate', NAME, '--publish-token');
    expect(replaced.code, replaced.stderr).toBe(0);
    const old = await hubJson(publishToken, 'subgraph', 'check', NAME, '--schema', schemaFile);
    expect(old.code).toBe(2);
    expect(said(old)).toContain('not known to the registry');
    publishToken = replaced.json.publishToken;
    expect((await hubJson(publishToken, 'subgraph', 'check', NAME, '--schema', schemaFile)).code).toBe(0);

    expect((await hubJson(admin, 'partner', 'rotate', NAME)).code).toBe(0);
    const revoked = await hubJson(admin, 'partner', 'rotate', NAME, '--revoke-old');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.json.revokedOld).toBe(true);
    const listed = (await hubJson(admin, 'partner', 'list')).json.partners.find((p: { name: string }) => p.name === NAME);
    expect(listed.secrets).toHaveLength(1);
    await stopPartner(partner);
    secret = revoked.json.secret;
    partner = await startPartner(port, secret);
  });
});

describe('rollback', () => {
  it('is checked like a publish: dropping fields clients use fails without --force, listing them', async () => {
    const before = (await latestVersion()).version;
    const refused = await hubJson(admin, 'schema', 'rollback', '--to', String(withoutPartner));
    expect(refused.code, JSON.stringify(refused.json)).toBe(1);
    const coverage = refused.json.report.changes.find((change: { coordinate: string }) => change.coordinate === 'Event.coverage');
    expect(coverage).toMatchObject({ severity: 'BREAKING', verdict: 'fails' });
    expect(coverage.usedBy).toContainEqual(expect.objectContaining({ client: 'press-desk' }));
    expect((await latestVersion()).version).toBe(before);

    const forced = await hubJson(admin, 'schema', 'rollback', '--to', String(withoutPartner), '--force');
    expect(forced.code, JSON.stringify(forced.json)).toBe(0);
    const latest = await latestVersion();
    expect(latest.action).toBe(`rollback to ${withoutPartner}`);
    expect(latest.changes).toContainEqual(expect.objectContaining({ severity: 'BREAKING', coordinate: 'Event.coverage' }));
    // Readiness lists only the served graph's subgraphs: the partner left with the rollback.
    await until('the partner to leave readiness', async () => (NAME in (await readiness()).body.subgraphs ? undefined : true));
  });

  it('lets exactly one of two simultaneous rollbacks win; the other is told to retry', async () => {
    const before = (await latestVersion()).version;
    const results = await Promise.all([hubJson(admin, 'schema', 'rollback', '--to', String(withPartner)), hubJson(admin, 'schema', 'rollback', '--to', String(withPartner))]);
    // One stores the version; the other either lost the race (told to retry, exit 2) or, if it
    // came second, finds the graph already serving that content (exit 0, nothing stored).
    const winners = results.filter((r) => r.code === 0 && r.json.unchanged === false);
    expect(winners, JSON.stringify(results.map((r) => r.json))).toHaveLength(1);
    const other = results.find((r) => r !== winners[0])!;
    if (other.code === 2) expect(said(other)).toContain('published while');
    else expect(other.json).toMatchObject({ unchanged: true, version: winners[0]!.json.version });
    expect((await latestVersion()).version).toBe(before + 1);
    // The version restored was published with the first URL: the registered URL follows it.
    const partners = (await hubJson(admin, 'partner', 'list')).json.partners as Array<{ name: string; url: string }>;
    const subgraphs = (await hubJson(admin, 'subgraph', 'list')).json.subgraphs as Array<{ name: string; url: string }>;
    expect(partners.find((p) => p.name === NAME)!.url).toBe(subgraphs.find((s) => s.name === NAME)!.url);
  });

  it('refuses a version whose partner was removed since, naming it, and stores nothing', async () => {
    expect((await hubJson(admin, 'subgraph', 'remove', NAME, '--force')).code).toBe(0);
    expect((await hubJson(admin, 'partner', 'remove', NAME)).code).toBe(0);
    const before = (await latestVersion()).version;
    const revived = await hubJson(admin, 'schema', 'rollback', '--to', String(withPartner));
    expect(revived.code).toBe(2);
    expect(revived.json.error).toContain(`Version ${withPartner} contains the "${NAME}" subgraph, whose partner is no longer registered`);
    expect((await latestVersion()).version).toBe(before);
  });
});

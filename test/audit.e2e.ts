/**
 * The audit log answers "who saw or changed this record", and cannot be edited unnoticed: every
 * request through the gateway is an entry (subject, token id, client, operation, variables'
 * digest, records written, outcome), hash-chained; `hub audit verify` names the first entry
 * edited or deleted in the database; `hub audit writes` shows a write that bypassed the gateway;
 * and while the audit log cannot be written, mutations are refused and reads go on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import { createLogger, formatSubgraphUrls, listen, signRequest, subgraphSecret, type RunningHttpServer } from '@hub/core';
import { createGateway, developmentJwtSecret, loadGatewayConfig, mintToken, type Gateway } from '@hub/gateway';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, hub } from './harness/client.js';
import { hubJson } from './harness/hub-command.js';

const run = randomBytes(4).toString('hex');
const subject = `audit-e2e-${run}`;
const tokenId = `jti-${run}`;
let writer: string;
let admin: string;
let registry: MongoClient;
const entries = () => registry.db('hub_registry').collection<{ _id: number; subject: string | null; hash: string }>('audit');

const createPerson = 'mutation AuditedWrite($input: PersonInput!) { createPerson(input: $input) { id version } }';

beforeAll(async () => {
  const secret = await developmentJwtSecret(hub().dataDir);
  writer = await mintToken({ secret, subject, scopes: ['hub:write'], expiresIn: '10m', tokenId });
  admin = await mintToken({ secret, subject: 'audit-operator', scopes: ['hub:admin'], expiresIn: '10m' });
  // The registry lives on the hub's store, beside the subgraphs' databases.
  registry = new MongoClient(hub().targets.organization!.uri);
  await registry.connect();
});
afterAll(async () => {
  await registry?.close();
});

describe('audit entries', () => {
  let personId: string;

  it('records a query and a mutation with the subject, token id, operation, variables digest and the records written', async () => {
    const read = await graphql('query AuditedRead($first: Int) { committees(first: $first) { totalCount } }', { token: writer, variables: { first: 2 }, headers: { 'apollographql-client-name': 'audit-client' } });
    expect(read.body.errors).toBeUndefined();
    const wrote = await graphql(createPerson, { token: writer, variables: { input: { fullName: `Người Kiểm Toán ${run}`, sources: ['doc-giao-ban-phia-bac'] } } });
    expect(wrote.body.errors).toBeUndefined();
    personId = wrote.body.data!.createPerson.id;

    const shown = await hubJson(admin, 'audit', 'show', '--subject', subject);
    expect(shown.code, shown.stderr).toBe(0);
    const [mutation, query] = shown.json.entries;
    expect(query).toMatchObject({
      subject,
      tokenId,
      client: 'audit-client',
      operationType: 'query',
      operationName: 'AuditedRead',
      outcome: 'ok',
      records: [],
      variablesDigest: createHash('sha256').update('{"first":2}').digest('hex'),
    });
    expect(query.operationHash).toMatch(/^[0-9a-f]{64}$/);
    expect(mutation).toMatchObject({ subject, tokenId, operationType: 'mutation', operationName: 'AuditedWrite', outcome: 'ok', records: [{ subgraph: 'organization', type: 'Person', id: personId, version: 1, action: 'create' }] });
    expect(mutation.seq).toBeGreaterThan(query.seq);
  });

  it('answers "who changed this record" with --record, and refuses bad filters with exit 2', async () => {
    const updated = await graphql(`mutation { updatePerson(id: "${personId}", patch: { fullName: "Người Kiểm Toán ${run} (sửa)" }) { version } }`, { token: writer });
    expect(updated.body.errors).toBeUndefined();
    const shown = await hubJson(admin, 'audit', 'show', '--record', personId);
    expect(shown.code).toBe(0);
    expect(shown.json.entries.map((entry: any) => [entry.subject, entry.records[0].action, entry.records[0].version])).toEqual([
      [subject, 'update', 2],
      [subject, 'create', 1],
    ]);
    const badSince = await hubJson(admin, 'audit', 'show', '--since', 'last tuesday');
    expect(badSince.code).toBe(2);
    expect(badSince.json.error).toContain('"since" must be a date');
    expect((await hubJson(admin, 'audit', 'show', '--limit', 'many')).code).toBe(2);
    const notAdmin = await hubJson(writer, 'audit', 'show');
    expect(notAdmin.code).toBe(2);
    expect(notAdmin.json.error).toContain('hub:admin');
  });
});

describe('hub audit verify', () => {
  it('passes on the chain as written, then names the entry edited or deleted in the database', async () => {
    const clean = await hubJson(admin, 'audit', 'verify');
    expect(clean.code, JSON.stringify(clean.json)).toBe(0);
    expect(clean.json.ok).toBe(true);
    expect(clean.json.entries).toBeGreaterThan(2);

    const victim = (await entries().find({ subject }).sort({ _id: 1 }).limit(1).next())!;
    await entries().updateOne({ _id: victim._id }, { $set: { subject: 'someone-else' } });
    try {
      const edited = await hubJson(admin, 'audit', 'verify');
      expect(edited.code).toBe(1);
      expect(edited.json.broken).toEqual({ seq: victim._id, problem: `entry ${victim._id} was changed after it was written: its content does not match its hash` });
      expect(edited.json.entries).toBe(victim._id - 1);
    } finally {
      await entries().updateOne({ _id: victim._id }, { $set: { subject } });
    }
    expect((await hubJson(admin, 'audit', 'verify')).code).toBe(0);

    const removed = (await entries().findOne({ _id: victim._id }))!;
    await entries().deleteOne({ _id: victim._id });
    try {
      const deleted = await hubJson(admin, 'audit', 'verify');
      expect(deleted.code).toBe(1);
      expect(deleted.json.broken.seq).toBe(victim._id + 1);
      expect(deleted.json.broken.problem).toContain(`entry ${victim._id} missing`);
    } finally {
      await entries().insertOne(removed);
    }
    expect((await hubJson(admin, 'audit', 'verify')).code).toBe(0);
  });
});

describe('hub audit writes', () => {
  it('shows a write that did not come through the gateway, with the identity the subgraph recorded', async () => {
    const throughGateway = await graphql(createPerson, { token: writer, variables: { input: { fullName: `Qua Cổng ${run}`, sources: ['doc-giao-ban-phia-bac'] } } });
    const viaGateway = throughGateway.body.data!.createPerson.id;
    // A request signed with the subgraph's secret straight to the subgraph: the gateway never saw it.
    const body = JSON.stringify({ query: createPerson, variables: { input: { fullName: `Đi Tắt ${run}`, sources: ['doc-giao-ban-phia-bac'] } } });
    const direct = await fetch(hub().subgraphUrls.organization!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signRequest(subgraphSecret(hub().signingSecret, 'organization'), { subject: 'intruder', scopes: ['hub:write'] }, body) },
      body,
    });
    const bypassed = ((await direct.json()) as any).data.createPerson.id as string;

    const report = await hubJson(admin, 'audit', 'writes', '--since', '10m');
    expect(report.code).toBe(1);
    expect(report.json.unreachable).toEqual([]);
    expect(report.json.unaccounted).toContainEqual(expect.objectContaining({ subgraph: 'organization', type: 'Person', id: bypassed, version: 1, action: 'create', subject: 'intruder' }));
    expect(report.json.unaccounted.map((write: any) => write.id)).not.toContain(viaGateway);
    expect(report.json.checked).toBeGreaterThanOrEqual(2);
    expect((await hubJson(admin, 'audit', 'writes', '--since', 'soon')).code).toBe(2);
  });
});

describe('several gateways sharing one registry', () => {
  const gateways: Array<{ gateway: Gateway; http: RunningHttpServer }> = [];

  beforeAll(async () => {
    for (const name of ['replica-a', 'replica-b']) {
      const config = loadGatewayConfig({
        HUB_DATA_DIR: hub().dataDir,
        HUB_SIGNING_SECRET: hub().signingSecret,
        HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
        HUB_REGISTRY_MONGODB_URI: hub().targets.organization!.uri,
        HUB_RATE_LIMIT_PER_MINUTE: '100000',
      });
      const gateway = await createGateway(config, createLogger(`gateway-${name}`, { level: 'error', format: 'pretty' }));
      gateways.push({ gateway, http: await listen(gateway.handler, { port: 0, host: '127.0.0.1' }) });
    }
  }, 30_000);
  const stopped = new Set<Gateway>();
  afterAll(async () => {
    for (const { gateway, http } of gateways) {
      await http.close();
      if (!stopped.has(gateway)) await gateway.stop();
    }
  });

  it('keep one valid chain while all of them append at once', async () => {
    const replicaSubject = `audit-replicas-${run}`;
    const replicaToken = await mintToken({ secret: await developmentJwtSecret(hub().dataDir), subject: replicaSubject, scopes: ['hub:read'], expiresIn: '10m' });
    const urls = [hub().gatewayUrl, ...gateways.map(({ http }) => `${http.url}/graphql`)];
    // Bursts to every gateway together, so their batches race for the same sequence numbers.
    for (let burst = 0; burst < 4; burst += 1) {
      await Promise.all(urls.flatMap((url) => Array.from({ length: 10 }, () => graphql('query ReplicaRead { provinces { code } }', { url, token: replicaToken }))));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // Stopping writes what each replica still holds.
    for (const { gateway } of gateways) {
      await gateway.stop();
      stopped.add(gateway);
    }
    const verified = await hubJson(admin, 'audit', 'verify');
    expect(verified.code, JSON.stringify(verified.json)).toBe(0);
    const written = await entries().find({ subject: replicaSubject }).toArray();
    expect(written).toHaveLength(urls.length * 40);
    expect(new Set(written.map((entry) => (entry as unknown as { gateway: string }).gateway)).size).toBe(urls.length);
  }, 60_000);
});

/** A TCP relay to the hub's store that the test can cut and restore, to make the audit log unwritable. */
async function cuttableRelay(target: URL): Promise<{ uri: string; cut(): void; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    cut() {
      server?.close();
      for (const socket of sockets) socket.destroy();
    },
    restore: open,
    close: async () => {
      server?.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

describe('an audit log that cannot be written', () => {
  let gateway: Gateway;
  let http: RunningHttpServer;
  let relay: Awaited<ReturnType<typeof cuttableRelay>>;
  const logLines: Array<{ level: string; message: string }> = [];
  const url = () => `${http.url}/graphql`;
  const person = (name: string) => graphql(createPerson, { url: url(), token: writer, variables: { input: { fullName: name, sources: ['doc-giao-ban-phia-bac'] } } });

  beforeAll(async () => {
    relay = await cuttableRelay(new URL(hub().targets.organization!.uri));
    const config = loadGatewayConfig({
      HUB_DATA_DIR: hub().dataDir,
      HUB_SIGNING_SECRET: hub().signingSecret,
      HUB_SUBGRAPH_URLS: formatSubgraphUrls(hub().subgraphUrls),
      HUB_REGISTRY_MONGODB_URI: relay.uri,
    });
    gateway = await createGateway(config, createLogger('gateway-audit-down', { level: 'info', format: 'json', write: (line) => logLines.push(JSON.parse(line)) }));
    http = await listen(gateway.handler, { port: 0, host: '127.0.0.1' });
  }, 30_000);
  afterAll(async () => {
    await http?.close();
    await relay?.close();
    await gateway?.stop();
  });

  it('refuses mutations with 503 while reads keep working, and accepts them again once it can be written', async () => {
    expect((await person(`Trước Sự Cố ${run}`)).body.errors).toBeUndefined();

    relay.cut();
    // The next batch fails to be written: a read queues an entry, the flush meets the cut.
    let name = '';
    let refused: Awaited<ReturnType<typeof person>> | undefined;
    for (let waited = 0; waited < 15_000; waited += 500) {
      name = `Trong Sự Cố ${run} ${waited}`;
      const read = await graphql('{ committees(first: 1) { totalCount } }', { url: url(), token: writer });
      expect(read.body.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const attempt = await person(name);
      if (attempt.status === 503) {
        refused = attempt;
        break;
      }
      // A mutation accepted before the failure was noticed is fine (its entry waits in memory).
      expect(attempt.body.errors).toBeUndefined();
    }
    expect(refused?.status).toBe(503);
    expect(refused!.body.errors?.[0]).toMatchObject({ extensions: { code: 'AUDIT_UNAVAILABLE' } });
    expect(refused!.body.errors?.[0]?.message).toContain('cannot write its audit log');
    // Nothing was written by the refused mutation.
    const found = await graphql(`{ people(filter: { search: ${JSON.stringify(name)} }) { totalCount } }`);
    expect(found.body.data?.people.totalCount).toBe(0);
    const read = await graphql('{ committees(first: 1) { totalCount } }', { url: url() });
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    // Loudly: an error line, not a debug one.
    expect(logLines.filter((line) => line.level === 'error' && line.message.startsWith('AUDIT LOG UNWRITABLE')).length).toBeGreaterThanOrEqual(1);

    await relay.restore();
    let accepted = false;
    for (let waited = 0; waited < 30_000 && !accepted; waited += 1000) {
      await graphql('{ committees(first: 1) { totalCount } }', { url: url() });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      accepted = (await person(`Sau Sự Cố ${run} ${waited}`)).status === 200;
    }
    expect(accepted).toBe(true);
    expect(logLines.some((line) => line.level === 'info' && line.message.startsWith('the audit log can be written again'))).toBe(true);
  }, 60_000);
});

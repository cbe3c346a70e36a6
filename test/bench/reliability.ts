/**
 * `npm run bench:reliability`: the operator's bad day of the reliability issue, row by row, measured
 * against a real hub (embedded store, seed, three subgraphs, gateway) that it starts on a fresh
 * folder and free ports. Prints one line per row: what was done, what happened, and the figure.
 * Figures, not a test: the end-to-end tests (concurrent-writes, hardening, faults, security,
 * partial-answers) hold the same rows to account; this prints how they come out today.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, signRequest, subgraphSecret } from '@hub/core';
import { developmentJwtSecret, mintToken } from '@hub/gateway';
import { loadLauncherConfig, startHub } from '@hub/launcher';
import { MongoClient } from 'mongodb';

const dataDir = await mkdtemp(join(tmpdir(), 'hub-reliability-'));
const config = loadLauncherConfig({ HUB_DATA_DIR: dataDir, HUB_STORE_PORT: '0', GATEWAY_PORT: '0', ORGANIZATION_PORT: '0', EVENTS_PORT: '0', KNOWLEDGE_PORT: '0', HUB_STORE_CACHE_DIR: process.env.HUB_STORE_CACHE_DIR });
process.stderr.write(`reliability: starting a hub in ${dataDir}…\n`);
const hub = await startHub({ config, log: createLogger('reliability', { level: 'warn', format: 'pretty' }), env: { LOG_LEVEL: 'error', HUB_RATE_LIMIT_PER_MINUTE: '10000000' } });
const writer = await mintToken({ secret: await developmentJwtSecret(dataDir), subject: 'reliability', scopes: ['hub:read', 'hub:write'], expiresIn: '1h' });
const base = hub.gatewayUrl.replace(/\/graphql$/, '');

interface Answer {
  status: number;
  ms: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }>; extensions?: Record<string, any> };
  text: string;
}

async function post(body: unknown, headers: Record<string, string> = {}, url = hub.gatewayUrl): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: the text is reported as it is
  }
  return { status: response.status, ms: performance.now() - started, body: parsed, text };
}
const query = (q: string, variables?: Record<string, unknown>) => post({ query: q, variables });
const write = (q: string, variables?: Record<string, unknown>) => post({ query: q, variables }, { authorization: `Bearer ${writer}` });
const code = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code ?? (answer.body.errors ? 'error' : 'ok');
const ms = (value: number) => `${value.toFixed(0)} ms`;

const rows: Array<[string, string]> = [];
function row(what: string, happened: string): void {
  rows.push([what, happened]);
  console.log(`- ${what}\n    ${happened}`);
}

/** The pid of a direct child of this process whose command line matches. */
function childPid(pattern: RegExp): number | undefined {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  const line = lines.find((candidate) => pattern.test(candidate));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

async function until(probe: () => Promise<boolean>, limitMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await probe().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

// 1. Two editors of one event at once, 40 times.
{
  let lost = 0;
  let tokensWrong = 0;
  const client = await MongoClient.connect(hub.targets.events!.uri);
  for (let trial = 0; trial < 40; trial += 1) {
    const created = await write('mutation ($input: EventInput!) { createEvent(input: $input) { id } }', {
      input: { title: `Đo độ tin cậy ${trial}`, kind: 'BRIEFING', date: { year: 2024 }, organizerId: 'ban-chi-dao-ttdn-tw', sources: ['doc-giao-ban-phia-bac'] },
    });
    const id = created.body.data.createEvent.id as string;
    const [a, b] = await Promise.all([
      write('mutation ($id: ID!) { updateEvent(id: $id, patch: { title: "Tiêu đề song song" }) { id } }', { id }),
      write('mutation ($id: ID!) { updateEvent(id: $id, patch: { location: "Cần Thơ" }) { id } }', { id }),
    ]);
    const stored = await client.db(hub.targets.events!.dbName).collection('events').findOne({ _id: id as never });
    if (!a.body.errors && stored?.title !== 'Tiêu đề song song') lost += 1;
    if (!b.body.errors && stored?.location !== 'Cần Thơ') lost += 1;
    const tokens = (stored?.searchTokens ?? []) as string[];
    if (!['tieu', 'song', 'can', 'tho'].every((token) => tokens.includes(token))) tokensWrong += 1;
    await write('mutation ($id: ID!) { archiveEvent(id: $id) { id } }', { id });
  }
  await client.close();
  row('two clients update the same event at once (title, location), 40 trials', `acknowledged edits lost: ${lost} of 80; records whose search tokens disagree with them: ${tokensWrong} of 40`);
}

// 2. 200 concurrent $inc straight through the driver.
{
  const client = await MongoClient.connect(hub.targets.events!.uri, { maxPoolSize: 50 });
  const counters = client.db('hub_reliability_probe').collection<{ _id: string; n: number }>('counters');
  await counters.deleteMany({});
  await counters.insertOne({ _id: 'c', n: 0 });
  const results = await Promise.all(Array.from({ length: 200 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
  const final = await counters.findOne({ _id: 'c' });
  await client.db('hub_reliability_probe').dropDatabase();
  await client.close();
  row('200 concurrent $inc on one document, through the plain driver', `counter ends at ${final?.n}; calls reporting a modification: ${results.filter((r) => r.modifiedCount === 1).length}`);
}

// 3. The fragment bomb, with a health check sent alongside.
{
  const fragments = ['fragment F0 on Committee { name }'];
  for (let level = 1; level <= 8; level += 1) fragments.push(`fragment F${level} on Committee { ${Array.from({ length: 10 }, () => `...F${level - 1}`).join(' ')} }`);
  const bomb = `{ committees(first: 1) { edges { node { ...F8 } } } } ${fragments.join(' ')}`;
  const health = (async () => {
    const started = performance.now();
    await fetch(`${base}/health/live`);
    return performance.now() - started;
  })();
  const answer = await query(bomb);
  row(`a ${bomb.length}-byte query of fragments each spreading the previous one 10 times, 8 levels`, `HTTP ${answer.status} ${code(answer)} in ${ms(answer.ms)}; /health/live meanwhile answered in ${ms(await health)}`);
}

// 4. 30 aliases of a deep page.
{
  const amplification = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: committees(first: 100) { edges { node { events { edges { node { organizer { positions { title } } } } } } } }`).join(' ')} }`;
  const answer = await query(amplification);
  row(`30 aliases of a page of 100 committees → events → organizer → positions (${(amplification.length / 1024).toFixed(1)} KB)`, `HTTP ${answer.status} ${code(answer)} in ${ms(answer.ms)}: "${answer.body.errors?.[0]?.message ?? ''}"`);
}

// 5. Client mistakes.
{
  const badDate = await query('{ events(filter: { from: "x" }) { totalCount } }');
  row('events(filter: { from: "x" })', `HTTP ${badDate.status} ${code(badDate)}: "${badDate.body.errors?.[0]?.message}"; an internal address in the answer: ${/https?:\/\/|127\.0\.0\.1|localhost:\d/.test(badDate.text) ? 'yes' : 'no'}`);
  const unknownOperation = await post({ query: 'query A { committees(first: 1) { totalCount } }', operationName: 'B' });
  row('an unknown operationName', `HTTP ${unknownOperation.status}: "${unknownOperation.body.errors?.[0]?.message}"`);
  const creates = await Promise.all(Array.from({ length: 10 }, () => write('mutation { createPerson(input: { code: "nguoi-do-tin-cay", fullName: "Người Đo Tin Cậy", sources: ["doc-giao-ban-phia-bac"] }) { id } }')));
  const codes = new Map<string, number>();
  for (const answer of creates) codes.set(code(answer), (codes.get(code(answer)) ?? 0) + 1);
  const refusal = creates.find((answer) => answer.body.errors)?.body.errors?.[0]?.message;
  row('10 simultaneous creates with the same unique code', `${[...codes].map(([name, count]) => `${count}× ${name}`).join(', ')}; the refusal says "${refusal}"`);
  const person = creates.find((answer) => answer.body.data?.createPerson)?.body.data.createPerson.id as string;
  const order = await write('mutation ($personId: ID!) { createPosition(input: { personId: $personId, committeeId: "ban-chi-dao-ttdn-tw", title: "Ủy viên", role: MEMBER, since: { year: 2021 }, until: { year: 2019 }, sources: ["doc-giao-ban-phia-bac"] }) { id } }', { personId: person });
  row('createPosition with until before since', `${code(order)}: "${order.body.errors?.[0]?.message}"`);
  const before = await query('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { editedAt version } }');
  const nulls = await write('mutation { updateEvent(id: "giao-ban-ttdn-khu-vuc-phia-bac", patch: { title: null, kind: null, date: null, location: null }) { id } }');
  const after = await query('{ event(id: "giao-ban-ttdn-khu-vuc-phia-bac") { editedAt version } }');
  row('updateEvent with every field null', `${code(nulls)}: "${nulls.body.errors?.[0]?.message}"; editedAt/version before ${JSON.stringify(before.body.data.event)}, after ${JSON.stringify(after.body.data.event)}`);
  const cursor = (await query('{ people(first: 2) { pageInfo { endCursor } } }')).body.data.people.pageInfo.endCursor as string;
  const foreign = await query(`{ events(first: 2, after: ${JSON.stringify(cursor)}) { totalCount } }`);
  row('a cursor from the people list used on events', `${code(foreign)}: "${foreign.body.errors?.[0]?.message}"`);
  const none = await query('{ committees(first: 0) { totalCount pageInfo { hasNextPage } } }');
  row('committees(first: 0)', `hasNextPage ${none.body.data.committees.pageInfo.hasNextPage} with ${none.body.data.committees.totalCount} records`);
}

// 6. A captured subgraph request sent again, and one from 50 s in the future.
{
  const url = hub.subgraphUrls.knowledge!;
  const secret = subgraphSecret(hub.signingSecret, 'knowledge');
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  const headers = signRequest(secret, { subject: 'probe', scopes: ['hub:read'] }, body);
  const statuses = [];
  for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await post(body, headers, url)).status);
  const future = await post(body, signRequest(secret, { subject: 'probe', scopes: ['hub:read'] }, body, Date.now() + 50_000), url);
  row('a signed subgraph request captured and sent again 3 times; one dated 50 s ahead', `statuses ${statuses.join(', ')} (the first is the original); 50 s ahead: ${future.status} "${future.body.errors?.[0]?.message}"`);
}

// 7. A port Node's fetch refuses.
{
  const gatewayMain = createRequire(import.meta.url).resolve('@hub/gateway/main');
  const started = performance.now();
  const output = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, [gatewayMain], { env: { ...process.env, GATEWAY_PORT: '6000', HUB_SIGNING_SECRET: 's'.repeat(40), HUB_DATA_DIR: dataDir } });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('exit', () => resolve(text));
    setTimeout(() => child.kill('SIGKILL'), 20_000);
  });
  const sentence = /GATEWAY_PORT[^\n]*/.exec(output)?.[0] ?? output.trim().split('\n').at(-1);
  row('GATEWAY_PORT=6000', `stops after ${ms(performance.now() - started)}: "${sentence}"`);
}

// 8. The events subgraph killed while the rest is queried.
{
  const pid = childPid(/subgraphs\/events\//);
  if (pid === undefined) row('the events subgraph killed under load', 'not measured: its process was not found');
  else {
    process.kill(pid, 'SIGKILL');
    const answer = await query('{ committees(first: 3) { edges { node { name events(first: 1) { totalCount } } } } }');
    const ready = await fetch(`${base}/health/ready`);
    const readyBody = (await ready.json()) as Record<string, unknown>;
    const back = await until(async () => (await query('{ events(first: 1) { totalCount } }')).body.data?.events?.totalCount >= 0, 30_000);
    row('the events subgraph killed (SIGKILL)', `committees answered: ${answer.body.data?.committees?.edges?.length ?? 0}, their events null with "${answer.body.errors?.[0]?.message}" (${answer.body.errors?.[0]?.extensions?.serviceName}) in ${ms(answer.ms)}; /health/ready ${ready.status} ${JSON.stringify(readyBody.subgraphs ?? readyBody)}; answering again ${back === undefined ? 'not within 30 s' : `after ${ms(back)}`}`);
  }
}

// 9. The store killed.
{
  const pid = childPid(/ferretdb-hub/);
  if (pid === undefined) row('the store killed', 'not measured: its process was not found');
  else {
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await query('{ committees(first: 1) { totalCount } }');
    const readyStarted = performance.now();
    const organization = await fetch(hub.subgraphUrls.organization!.replace(/\/graphql$/, '/health/ready'));
    const readyMs = performance.now() - readyStarted;
    const back = await until(async () => (await query('{ committees(first: 1) { totalCount } }')).body.data?.committees?.totalCount > 0, 60_000);
    row('the store killed (SIGKILL)', `first answer in ${ms(answer.ms)}: "${answer.body.errors?.[0]?.message}"; organization /health/ready ${organization.status} in ${ms(readyMs)}; answering again ${back === undefined ? 'not within 60 s' : `after ${ms(back)}`}`);
  }
}

await hub.stop();
await rm(dataDir, { recursive: true, force: true });
console.log(`\n${rows.length} rows measured.`);

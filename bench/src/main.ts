/**
 * `npm run bench`: the hub's gateway measured side by side with the same queries sent straight to
 * the subgraph that answers them (the gateway's own cost) and with Hive Gateway serving the same
 * supergraph, signing the hub's way. For each query and concurrency: requests per second,
 * latency percentiles, CPU per request of the gateway, the subgraphs and the store (from
 * /proc/<pid>/stat), subgraph requests and database commands per request (from /metrics).
 * Figures, printed and written as JSON; never asserted. Run `npm run bench -- --help`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeIdentity, signRequest, subgraphSecret } from '@hub/core';
import { GROUPS } from '@hub/cli';
import { attachToHub, BenchError, generate, servedDataset, startHive, startOwnHub, startPlainGateway, supergraphFor, writeTemp, type ComparedGateway, type HubUnderTest } from './hub-under-test.ts';
import { runRound, summed, type LoadResult, type Round } from './load.ts';
import { cpuMs, pidsListeningOn } from './processes.ts';
import { NothingToAsk, QUERIES, REPORTS, rowsOf, type Ask } from './queries.ts';

const USAGE = `npm run bench -- [options]

  --gateway <url>       measure a hub already running there (default: start one on a fresh folder, free ports)
  --data-dir <dir>      start the hub on this data folder instead of a fresh one (kept: with --scale, the data
                        generated there is reused by the next run, which only checks it is complete)
  --scale <n>           0: the seed (default); n from 0.001 to 100: the synthetic data set "hub generate --scale n"
                        writes (1 is about 15,000 events; generating it takes minutes), generated first, then
                        served (HUB_DATASET=synthetic) to every target, the queries asking about records it holds
  --seconds <s>         how long each measurement runs (default 2; about 5 minutes in all)
  --concurrency <list>  callers at once, comma-separated (default 1,16)
  --targets <list>      hub, plain (the hub's gateway without batching/merging), hive, direct (default hub,plain,hive,direct)
  --queries <text>      only the queries whose name contains this text
  --max-requests <n>    at most this many requests per measurement (default 20000)
  --rounds <n>          split each measurement into this many rounds, the gateways taking turns (default 2)
  --out <file>          where to write the JSON (default bench/results/<date>-<commit>.json)

With --gateway, the subgraphs are where HUB_SUBGRAPH_URLS (or the defaults) say, and calling them
directly or through Hive needs HUB_SIGNING_SECRET, the secret that hub was started with; with --scale
it must serve the synthetic data set (HUB_DATASET=synthetic), generated into its store (MONGODB_URI,
else mongodb://127.0.0.1:$HUB_STORE_PORT) if not there yet.`;

type Target = 'hub' | 'plain' | 'hive' | 'direct';
const TARGETS: readonly Target[] = ['hub', 'plain', 'hive', 'direct'];
const HOUSEKEEPING = /command="(hello|isMaster|ismaster|ping|endSessions)"/;

interface Options {
  gateway?: string;
  dataDir?: string;
  scale: number;
  seconds: number;
  concurrency: number[];
  targets: Target[];
  queries?: string;
  maxRequests: number;
  rounds: number;
  out?: string;
}

/** A bad option, said in one sentence (the options: --help). */
function usageError(message: string): never {
  throw new BenchError(message);
}

/** The generator's bounds ("hub generate --scale"), and 0 for the seed. */
const MIN_SCALE = 0.001;
const MAX_SCALE = 100;

function parseScale(text: string): number {
  const scale = Number(text);
  if (text.trim() === '' || !Number.isFinite(scale) || (scale !== 0 && (scale < MIN_SCALE || scale > MAX_SCALE))) {
    usageError(`--scale must be 0 (the seed) or a number from ${MIN_SCALE} to ${MAX_SCALE} (1 is about 15,000 events); got "${text}".`);
  }
  return scale;
}

function positiveInts(name: string, text: string, min: number): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < min)) usageError(`--${name} must be ${min === 0 ? 'whole numbers ≥ 0' : 'whole numbers ≥ 1'}, separated by commas; got "${text}".`);
  return values;
}

function parseOptions(argv: string[]): Options | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        gateway: { type: 'string' },
        'data-dir': { type: 'string' },
        scale: { type: 'string', default: '0' },
        seconds: { type: 'string', default: '2' },
        concurrency: { type: 'string', default: '1,16' },
        targets: { type: 'string', default: TARGETS.join(',') },
        queries: { type: 'string' },
        'max-requests': { type: 'string', default: '20000' },
        rounds: { type: 'string', default: '2' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    usageError((error as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  const { values } = parsed;
  if (values.help) return undefined;
  if (values.gateway && values['data-dir']) usageError('--gateway and --data-dir cannot be combined: a running hub already has its data folder.');
  if (values.gateway && !/^https?:\/\//.test(values.gateway)) usageError(`--gateway must be an http:// address (e.g. http://127.0.0.1:4000/graphql); got "${values.gateway}".`);
  const seconds = Number(values.seconds);
  if (!(seconds > 0 && seconds <= 600)) usageError(`--seconds must be a number of seconds from 0 to 600; got "${values.seconds}".`);
  const targets = values.targets!.split(',').map((target) => target.trim()) as Target[];
  const unknown = targets.filter((target) => !TARGETS.includes(target));
  if (unknown.length > 0 || !targets.includes('hub')) usageError(`--targets must include hub and may add ${TARGETS.slice(1).join(', ')}; got "${values.targets}".`);
  return {
    gateway: values.gateway,
    dataDir: values['data-dir'],
    scale: parseScale(values.scale!),
    seconds,
    concurrency: positiveInts('concurrency', values.concurrency!, 1),
    targets,
    queries: values.queries,
    maxRequests: positiveInts('max-requests', values['max-requests']!, 1)[0]!,
    rounds: positiveInts('rounds', values.rounds!, 1)[0]!,
    out: values.out,
  };
}

/** A process's counters from /metrics, summed over the samples that pass `keep`. */
async function counter(baseUrl: string, name: string, keep: (line: string) => boolean = () => true): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && keep(line))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

interface Snapshot {
  cpu: { gateway?: number; subgraphs?: number; store?: number };
  subgraphRequests: number;
  dbCommands: number;
}

interface Measurement extends LoadResult {
  query: string;
  concurrency: number;
  target: Target;
  /** For direct calls: the subgraph called. */
  subgraph?: string;
  cpuMsPerRequest: { gateway?: number; subgraphs?: number; store?: number };
  subgraphRequestsPerRequest: number;
  dbCommandsPerRequest: number;
  /** Rows per answer: records in the GraphQL answer's lists (see rowsOf), or lines of a CSV export. */
  rows?: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const generator = GROUPS.some((group) => group.name === 'generate');
  if (options.scale > 0 && !generator) {
    throw new BenchError(`--scale ${options.scale} needs the synthetic-data generator ("npm run hub -- generate --scale ${options.scale}"), which this hub does not have yet; run with --scale 0 (the seed), or on a data folder that holds generated data (--data-dir).`);
  }
  const startedAt = new Date();
  // Taken now: the code measured is the code of this moment, whatever is committed during the run.
  const revision = commit();
  const load: { before: number[]; after?: number[] } = { before: loadavg() };
  const { scale } = options;
  const work = mkdtempSync(join(tmpdir(), 'hub-bench-work-'));
  let running: HubUnderTest | undefined;
  let fresh: string | undefined;
  const compared: ComparedGateway[] = [];
  const notes: string[] = [];
  try {
    if (options.gateway) {
      process.stderr.write(`bench: measuring the hub at ${options.gateway}\n`);
      running = await attachToHub(options.gateway, process.env);
      const served = await servedDataset(running.gatewayUrl);
      if (scale === 0 && served.dataset === 'synthetic') throw new BenchError(`the hub at ${options.gateway} serves the synthetic data set${served.scale ? ` (scale ${served.scale})` : ''}, not the seed the queries of --scale 0 ask about: pass --scale ${served.scale ?? '<its scale>'}.`);
      if (scale > 0 && served.dataset === 'facts') throw new BenchError(`the hub at ${options.gateway} serves the seed, not a synthetic data set: restart it with HUB_DATASET=synthetic, or leave out --gateway and the benchmark starts its own.`);
      if (scale > 0 && served.dataset === 'synthetic' && served.scale !== scale) throw new BenchError(`the hub at ${options.gateway} serves the synthetic data set at scale ${served.scale ?? 'unknown'}, not ${scale}: pass --scale ${served.scale ?? '<its scale>'}, or leave out --gateway and the benchmark starts its own hub.`);
      if (scale > 0) {
        process.stderr.write(`bench: generating scale ${scale} into that hub's store (${running.storeUri}), if not there yet…\n`);
        generate(scale, { storeUri: running.storeUri! });
      }
    } else {
      // A fresh folder is removed at the end; --data-dir is kept for the next run.
      const folder = options.dataDir ? resolve(options.dataDir) : (fresh = mkdtempSync(join(tmpdir(), 'hub-bench-')));
      // As root, HUB_STORE_BACKEND=postgresql runs PostgreSQL as an account that must enter the folder.
      if (fresh) chmodSync(fresh, 0o755);
      if (scale > 0) {
        process.stderr.write(`bench: generating scale ${scale} in ${folder} (minutes the first time; a folder already holding it is only checked)…\n`);
        generate(scale, { dataDir: folder });
      }
      process.stderr.write(`bench: starting a hub (embedded store, ${scale > 0 ? `the synthetic data set of scale ${scale}` : 'seed'}, three subgraphs, gateway)…\n`);
      running = await startOwnHub(folder, scale > 0 ? 'synthetic' : 'facts');
    }
    if (scale > 0) {
      const served = await servedDataset(running.gatewayUrl);
      if (served.dataset !== 'synthetic' || served.scale !== scale) throw new BenchError(`the hub serves ${served.dataset === 'synthetic' ? `the synthetic data set at scale ${served.scale ?? 'unknown'}` : served.dataset === 'empty' ? 'empty databases' : 'the seed'} after generating scale ${scale}, so its figures would not be those of scale ${scale}.`);
    }
    const hub: HubUnderTest = running;
    const wanted = new Set(options.targets);
    if (!hub.signingSecret && (wanted.has('hive') || wanted.has('direct') || wanted.has('plain'))) {
      notes.push('direct calls, Hive Gateway and the plain gateway skipped: set HUB_SIGNING_SECRET to the secret the hub was started with');
      for (const target of ['hive', 'direct', 'plain'] as const) wanted.delete(target);
    }
    const supergraphFile = await writeTemp(work, 'supergraph.graphql', await supergraphFor(hub.subgraphUrls));
    const gateways: Partial<Record<Target, string>> = { hub: hub.gatewayUrl };
    if (wanted.has('hive')) {
      process.stderr.write('bench: starting Hive Gateway on the same supergraph…\n');
      const hive = await startHive(hub, supergraphFile);
      compared.push(hive);
      gateways.hive = hive.url;
    }
    if (wanted.has('plain')) {
      const plain = await startPlainGateway(hub, supergraphFile, work);
      compared.push(plain);
      gateways.plain = plain.url;
    }

    // Which process is which, by the port it listens on.
    const portOf = (url: string) => Number(new URL(url).port);
    const subgraphBases = Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, url.replace(/\/graphql$/, '')]));
    const pids = pidsListeningOn([...Object.values(gateways).map(portOf), ...Object.values(hub.subgraphUrls).map(portOf), ...(hub.storePort ? [hub.storePort] : [])]);
    const gatewayPid = (target: Target) => (target === 'direct' ? undefined : pids.get(portOf(gateways[target]!)));
    const subgraphPids = Object.values(hub.subgraphUrls).map((url) => pids.get(portOf(url)));
    const storePid = hub.storePort ? pids.get(hub.storePort) : undefined;
    if (subgraphPids.some((pid) => pid === undefined) || storePid === undefined) notes.push('some processes were not found by their ports (another user, or another machine): their CPU is not shown');

    const sumCpu = (list: Array<number | undefined>) => (list.every((pid) => pid !== undefined) ? list.reduce<number>((sum, pid) => sum + (cpuMs(pid!) ?? NaN), 0) : undefined);
    const snapshot = async (target: Target): Promise<Snapshot> => {
      const gatewayProcess = gatewayPid(target);
      const [subgraphRequests, dbCommands] = await Promise.all([
        Promise.all(Object.values(subgraphBases).map((base) => counter(base, 'hub_subgraph_requests_total', (line) => line.includes('outcome="served"')))),
        Promise.all(Object.values(subgraphBases).map((base) => counter(base, 'hub_db_commands_total', (line) => !HOUSEKEEPING.test(line)))),
      ]);
      return {
        cpu: { gateway: target === 'direct' ? 0 : gatewayProcess !== undefined ? cpuMs(gatewayProcess) : undefined, subgraphs: sumCpu(subgraphPids), store: storePid !== undefined ? cpuMs(storePid) : undefined },
        subgraphRequests: subgraphRequests.reduce((a, b) => a + b, 0),
        dbCommands: dbCommands.reduce((a, b) => a + b, 0),
      };
    };

    const identity = encodeIdentity({ subject: null, scopes: ['hub:read'] });
    const postTo = (url: string, body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> } }));
    const direct = (subgraph: string, body: string) => postTo(hub.subgraphUrls[subgraph]!, body, signRequest(subgraphSecret(hub.signingSecret!, subgraph), identity, body));

    const results: Measurement[] = [];
    /** The queries as sent (on a synthetic data set, about the records found there), for the JSON. */
    const asked: Array<{ name: string; query: string }> = [];
    interface Contender {
      target: Target;
      send: () => Promise<string | undefined>;
      extra?: Partial<Measurement>;
    }
    /** Measures the contenders of one query at one concurrency in interleaved rounds, then sums each one's rounds. */
    const measure = async (query: string, concurrency: number, contenders: Contender[]) => {
      // Warm: caches, connections, the JIT.
      for (const { send } of contenders) await runRound(send, Math.min(concurrency, 4), Math.min(1, options.seconds), 50);
      const totals = contenders.map(() => ({ rounds: [] as Round[], cpu: { gateway: 0, subgraphs: 0, store: 0 }, subgraphRequests: 0, dbCommands: 0 }));
      for (let round = 0; round < options.rounds; round += 1) {
        for (const [index, { target, send }] of contenders.entries()) {
          const before = await snapshot(target);
          const result = await runRound(send, concurrency, options.seconds / options.rounds, Math.ceil(options.maxRequests / options.rounds));
          const after = await snapshot(target);
          const total = totals[index]!;
          total.rounds.push(result);
          for (const part of ['gateway', 'subgraphs', 'store'] as const) total.cpu[part] += after.cpu[part] === undefined || before.cpu[part] === undefined ? NaN : after.cpu[part]! - before.cpu[part]!;
          total.subgraphRequests += after.subgraphRequests - before.subgraphRequests;
          total.dbCommands += after.dbCommands - before.dbCommands;
        }
      }
      for (const [index, { target, extra }] of contenders.entries()) {
        const total = totals[index]!;
        const result = summed(total.rounds);
        const per = (value: number) => (Number.isNaN(value) ? undefined : value / result.requests);
        results.push({
          query,
          concurrency,
          target,
          ...result,
          cpuMsPerRequest: { gateway: per(total.cpu.gateway), subgraphs: per(total.cpu.subgraphs), store: per(total.cpu.store) },
          subgraphRequestsPerRequest: total.subgraphRequests / result.requests,
          dbCommandsPerRequest: total.dbCommands / result.requests,
          ...extra,
        });
        process.stderr.write(`  ${query.slice(0, 48).padEnd(48)} c=${String(concurrency).padEnd(3)} ${target.padEnd(6)} ${result.rps.toFixed(0).padStart(5)} rps  p50 ${result.p50.toFixed(1)} ms${result.errors ? `  ${result.errors} errors: ${result.firstError}` : ''}\n`);
      }
    };

    const selected = QUERIES.filter((query) => !options.queries || query.name.includes(options.queries));
    if (selected.length === 0) usageError(`no query's name contains "${options.queries}".`);
    // On a synthetic data set, the queries naming a seed record ask about the equivalent record there instead.
    const ask: Ask = async (query) => {
      const answer = await postTo(hub.gatewayUrl, JSON.stringify({ query }));
      if (answer.status === 429) throw new BenchError(`the hub's gateway rate-limits the benchmark (HTTP 429); start that hub with a higher HUB_RATE_LIMIT_PER_MINUTE`);
      if (answer.body.errors || !answer.body.data) throw new NothingToAsk(`the hub failed to answer the query finding a record to ask about (HTTP ${answer.status}: ${answer.body.errors?.[0]?.message ?? 'no data'})`);
      return answer.body.data;
    };
    const queries: Array<{ name: string; query: string }> = [];
    for (const query of selected) {
      if (scale === 0 || !query.synthetic) {
        queries.push(query);
        continue;
      }
      try {
        queries.push(await query.synthetic(ask));
      } catch (error) {
        if (!(error instanceof NothingToAsk)) throw error;
        notes.push(`"${query.name}" skipped: ${error.message}`);
      }
    }
    asked.push(...queries);
    for (const { name, query } of queries) {
      const body = JSON.stringify({ query });
      const expected = await postTo(hub.gatewayUrl, body);
      if (expected.status === 429) throw new BenchError(`the hub's gateway rate-limits the benchmark (HTTP 429); start that hub with a higher HUB_RATE_LIMIT_PER_MINUTE`);
      if (expected.body.errors) {
        notes.push(`"${name}" skipped: the hub answers it with an error: ${expected.body.errors[0]!.message}`);
        continue;
      }
      const rows = rowsOf(expected.body.data);
      if (rows === 0) notes.push(`"${name}" answered with no rows: its figures are those of an empty answer`);
      const expectedData = JSON.stringify(expected.body.data);
      const check = (answer: { status: number; body: { data?: unknown; errors?: Array<{ message: string }> } }) =>
        answer.status !== 200 || answer.body.errors ? `HTTP ${answer.status}: ${answer.body.errors?.[0]?.message ?? ''}` : JSON.stringify(answer.body.data) === expectedData ? undefined : 'an answer unlike the hub gateway\'s';
      // The subgraph that answers the whole query alone, if one does, is the direct comparison.
      let directSubgraph: string | undefined;
      if (wanted.has('direct')) {
        for (const subgraph of Object.keys(hub.subgraphUrls)) {
          if (!(await check(await direct(subgraph, body)))) {
            directSubgraph = subgraph;
            break;
          }
        }
      }
      const contenders: Contender[] = options.targets.flatMap((target): Contender[] => {
        if (target === 'direct') return directSubgraph ? [{ target, send: async () => check(await direct(directSubgraph!, body)), extra: { subgraph: directSubgraph, rows } }] : [];
        return gateways[target] ? [{ target, send: async () => check(await postTo(gateways[target]!, body)), extra: { rows } }] : [];
      });
      for (const concurrency of options.concurrency) await measure(name, concurrency, contenders);
    }

    // The reporting exports, where the hub has them.
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    const absent: string[] = [];
    const broken: string[] = [];
    for (const report of options.queries ? [] : REPORTS) {
      const url = `${base}/reports/${report}.csv`;
      let probe: Response;
      let text: string;
      try {
        probe = await fetch(url);
        text = await probe.text();
      } catch (error) {
        // At scale the hub may give up part way and cut the connection.
        broken.push(`${report}.csv (${(error as { cause?: Error }).cause?.message ?? (error as Error).message})`);
        continue;
      }
      if (probe.status !== 200 && probe.status !== 404) {
        broken.push(`${report}.csv (HTTP ${probe.status})`);
        continue;
      }
      if (probe.status !== 200) {
        absent.push(`${report}.csv (HTTP ${probe.status})`);
        continue;
      }
      const rows = Math.max(0, text.trimEnd().split('\n').length - 1);
      const send = async () => {
        const response = await fetch(url);
        await response.arrayBuffer();
        return response.status === 200 ? undefined : `HTTP ${response.status}`;
      };
      for (const concurrency of options.concurrency) await measure(`export: GET /reports/${report}.csv`, concurrency, [{ target: 'hub', send, extra: { rows } }]);
    }
    if (broken.length > 0) notes.push(`reporting exports skipped, the hub failed them (see its log above): GET /reports/${broken.join(', ')}`);
    if (absent.length > 0) notes.push(`reporting exports skipped, the hub does not serve them: GET /reports/${absent.join(', ')}`);
    load.after = loadavg();
    printTable(results, notes, load);
    const out = options.out ?? join(dirname(new URL(import.meta.url).pathname), '..', 'results', `${startedAt.toISOString().slice(0, 19).replace(/:/g, '')}-${revision}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ startedAt, commit: revision, machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: load }, options, dataset: scale > 0 ? { name: 'synthetic', scale } : { name: 'seed' }, notes, queries: asked, results }, null, 2)}\n`);
    console.log(`\nwritten to ${out}`);
  } finally {
    for (const gateway of compared) await gateway.stop();
    await running?.stop();
    rmSync(work, { recursive: true, force: true });
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  }
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() ? '-dirty' : '';
    return sha + dirty;
  } catch {
    return 'unknown';
  }
}

function printTable(results: Measurement[], notes: string[], load: { before: number[]; after?: number[] }): void {
  const ms = (value?: number) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1));
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');
  const header = ['query', 'c', 'via', 'rows', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'err', 'cpu/req gw', 'subgraphs', 'store', 'sg req/req', 'db cmd/req', 'rps vs hub', 'p50 vs hub'];
  const rows = results.map((result) => {
    const hub = results.find((other) => other.query === result.query && other.concurrency === result.concurrency && other.target === 'hub')!;
    const versus = result.target === 'hub' ? ['', ''] : [ratio(result.rps, hub.rps), ratio(result.p50, hub.p50)];
    const via = result.target === 'direct' ? `direct (${result.subgraph})` : result.target;
    return [result.query, String(result.concurrency), via, result.rows === undefined ? '-' : String(result.rows), result.rps.toFixed(1), ms(result.p50), ms(result.p95), ms(result.p99), String(result.errors), ms(result.cpuMsPerRequest.gateway), ms(result.cpuMsPerRequest.subgraphs), ms(result.cpuMsPerRequest.store), result.subgraphRequestsPerRequest.toFixed(2), result.dbCommandsPerRequest.toFixed(1), ...versus];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  let previous = '';
  for (const row of rows) {
    if (row[0] !== previous && previous) console.log('');
    previous = row[0]!;
    console.log(line(row));
  }
  console.log(`\nrows: records in the answer's lists at every depth (a CSV export: its lines); 0 is an empty answer.`);
  console.log(`cpu/req: milliseconds of CPU per request (user + system) of the gateway, the three subgraphs together and the store; sg req/req and db cmd/req from the subgraphs' /metrics.`);
  console.log(`load average before ${load.before.map((value) => value.toFixed(2)).join(' ')}, after ${load.after?.map((value) => value.toFixed(2)).join(' ')} (${cpus().length} cores; the load generator runs on them too)`);
  for (const note of notes) console.log(`note: ${note}`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchError) {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});

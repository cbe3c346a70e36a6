/**
 * `hub generate --scale <n> [--seed <number>] [--force]`: the synthetic data set, written
 * straight to the store (through the hub it could not reach thousands of records a second).
 */
import { createLogger } from '@hub/core';
import { generateDataset, GenerateRefusal, openTargets, syntheticDataset, type GenerateResult } from '@hub/synthetic';
import { CliError, EXIT, type CommandGroup } from '../cli.js';

/** Scale 100 is 1.5 million events, hours of writing: anything above is surely a typo. */
const MAX_SCALE = 100;
const MIN_SCALE = 0.001;

export function parseScale(raw: string | undefined): number {
  if (raw === undefined) throw new CliError('--scale is required: 1 is about 15,000 events, 5,000 people and 1,000 documents (e.g. "hub generate --scale 1").');
  const scale = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(scale)) throw new CliError(`--scale must be a number, got "${raw}".`);
  if (scale < MIN_SCALE || scale > MAX_SCALE) throw new CliError(`--scale must be between ${MIN_SCALE} and ${MAX_SCALE} (1 is about 15,000 events), got ${raw}.`);
  return scale;
}

export function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 0xffffffff) throw new CliError(`--seed must be a whole number from 0 to 4294967295, got "${raw}".`);
  return Number(raw);
}

/** A bar with rate and time left, redrawn in place on a terminal, else a line every 2 s. */
function progressBar(write: (text: string) => void, tty: boolean) {
  const started = performance.now();
  let lastLine = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (!tty && done < total && now - lastLine < 2_000) return;
    lastLine = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor((done / total) * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} records · ${Math.round(rate).toLocaleString('en')}/s · ETA ${Math.ceil((total - done) / Math.max(rate, 1))} s`;
    write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

function summary(result: GenerateResult, where: string): string {
  const head = {
    generated: `Generated the synthetic data set (scale ${result.scale}, seed ${result.seed})`,
    resumed: `Finished an interrupted synthetic data set (scale ${result.scale}, seed ${result.seed}): ${result.alreadyThere.toLocaleString('en')} records were already there`,
    unchanged: `The synthetic data set (scale ${result.scale}, seed ${result.seed}) is already complete: nothing written`,
  }[result.outcome];
  return [
    `${head} in ${where}:`,
    ...Object.entries(result.collections).map(([collection, count]) => `  ${collection.padEnd(42)} ${count.toLocaleString('en').padStart(10)}`),
    `  ${result.records.toLocaleString('en')} records and ${result.participations.toLocaleString('en')} participations in ${result.seconds.toFixed(1)} s (${result.recordsPerSecond.toLocaleString('en')} records/s)`,
    `  digest ${result.digest}`,
    'Serve it with: HUB_DATASET=synthetic npm start',
  ].join('\n');
}

export const generateCommand = {
  name: 'generate',
  summary: 'write a synthetic data set (for testing and measuring) into databases of its own',
  usage: '--scale <n> [--seed <number>] [--force]',
  help: [
    'Writes a realistic, clearly invented data set into hub_synthetic_organization, hub_synthetic_events and',
    'hub_synthetic_knowledge, never into the seeded databases. Scale 1 is 64 committees meeting over 10 years',
    '(about 15,000 events with 150,000 participations), 5,000 people with dated positions and 1,000 documents',
    'with text, conclusions and strategies; scale n is n times that (fractions allowed, e.g. 0.01).',
    'Every record has synthetic: true and the source "synthetic". The same scale and seed give the same data.',
    'Running it again changes nothing; an interrupted run is finished. Databases holding anything else',
    '(records not generated, another scale or seed) are refused unless --force, which replaces their contents.',
    '',
    'It writes straight to the store, found as "npm run seed" finds it: MONGODB_URI (or ORGANIZATION_MONGODB_URI,',
    'EVENTS_MONGODB_URI, KNOWLEDGE_MONGODB_URI), else the embedded store in HUB_DATA_DIR (started for the job;',
    'while a hub runs on that folder, pass its store instead: MONGODB_URI=mongodb://127.0.0.1:27017).',
    'Serve the data set with HUB_DATASET=synthetic npm start.',
  ].join('\n'),
  options: {
    scale: { type: 'string', description: 'how much: 1 is about 15,000 events (between 0.001 and 100)' },
    seed: { type: 'string', description: 'the random seed, a whole number (default 1)' },
    force: { type: 'boolean', description: 'replace what the synthetic databases hold, even records that were not generated' },
  },
  async run({ options, print, json }) {
    const scale = parseScale(options.scale as string | undefined);
    const seed = parseSeed(options.seed as string | undefined);
    const log = createLogger('generate');
    let opened: Awaited<ReturnType<typeof openTargets>>;
    try {
      opened = await openTargets(log);
    } catch (error) {
      const message = (error as Error).message;
      if ((error as { code?: string }).code === 'DATA_DIR_IN_USE') {
        throw new CliError(`${message} — a hub is probably running on it: pass its store, e.g. MONGODB_URI=mongodb://127.0.0.1:27017 npm run hub -- generate --scale ${scale}.`);
      }
      throw new CliError(`cannot open the store to write to: ${message}`);
    }
    try {
      if (!json) process.stderr.write(`Writing ${syntheticDataset(scale, seed).reduce((sum, c) => sum + c.count, 0).toLocaleString('en')} records into ${opened.where}…\n`);
      const result = await generateDataset({
        scale,
        seed,
        force: options.force === true,
        targets: opened.targets,
        log,
        onProgress: json ? undefined : progressBar((text) => process.stderr.write(text), process.stderr.isTTY === true),
      });
      print({ ok: true, ...result, where: opened.where }, summary(result, opened.where));
      return EXIT.ok;
    } catch (error) {
      if (error instanceof GenerateRefusal) throw new CliError(error.message, EXIT.checkFailed, { problems: error.problems });
      if (/ECONNREFUSED|Server selection timed out/i.test((error as Error).message)) throw new CliError(`cannot reach the store at ${opened.where}: ${(error as Error).message}`);
      throw error;
    } finally {
      await opened.stop();
    }
  },
} satisfies CommandGroup['commands'][number];

export const generateCommands: CommandGroup = {
  name: 'generate',
  summary: 'write a synthetic data set (scale, seed) into databases of its own',
  commands: [generateCommand],
  default: generateCommand,
};

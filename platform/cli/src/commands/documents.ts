/** `hub documents import`: articles from files into the hub, text searchable at once. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { callHub, hubTarget, refusal } from '../hub-client.js';
import { articleFiles, givenDate, readArticle } from './article.js';

const IMPORT = `mutation ($input: DocumentImportInput!) { importDocument(input: $input) { outcome document { id title } } }`;

export const documentsCommands: CommandGroup = {
  name: 'documents',
  summary: 'import articles (.txt, .md, .html) as source documents',
  commands: [
    {
      name: 'import',
      summary: 'import article files or folders; re-importing the same text changes nothing',
      usage: '<files or folders…> [--date YYYY-MM-DD]',
      help: 'Each file becomes a source document: title, text and the publication date the text states. A file whose name is\nthe origin of a document already in the hub (the seeded ones) fills in that document\'s text. Needs hub:write in HUB_TOKEN.\nA file that is not text, too large or unreadable is reported and skipped; the exit code is then 1.',
      args: { min: 1, max: 10_000 },
      options: { date: { type: 'string', description: 'the publication date, when the text does not state it' } },
      async run({ args, options, print, note, json }) {
        const target = hubTarget();
        const date = options.date ? givenDate(options.date as string) : undefined;
        const files = await articleFiles(args);
        if (files.length === 0) throw new CliError(`no .txt, .md or .html files in ${args.join(', ')}.`);
        const results: Array<{ file: string; outcome?: string; id?: string; error?: string }> = [];
        const started = Date.now();
        for (const [index, file] of files.entries()) {
          const name = basename(file);
          try {
            let bytes: Buffer;
            try {
              bytes = await readFile(file);
            } catch (error) {
              throw new CliError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
            }
            const article = readArticle(name, bytes);
            const answer = await callHub(target, 'POST', '/graphql', { query: IMPORT, variables: { input: { origin: name, title: article.title, text: article.text, publishedOn: date ?? article.publishedOn } } });
            if (answer.status !== 200 || answer.body.errors) throw refusal(answer);
            const { outcome, document } = answer.body.data.importDocument;
            results.push({ file: name, outcome, id: document.id });
          } catch (error) {
            if (error instanceof CliError && error.exitCode === EXIT.usage && /cannot reach the hub|HUB_TOKEN/.test(error.message)) throw error;
            results.push({ file: name, error: (error as Error).message });
          }
          // Progress for many files: count, rate and what is left, on stderr.
          if (!json && files.length > 3) {
            const seconds = (Date.now() - started) / 1000;
            const rate = (index + 1) / Math.max(seconds, 0.001);
            note(`  [${index + 1}/${files.length}] ${name} — ${rate.toFixed(1)} files/s, about ${Math.ceil((files.length - index - 1) / rate)} s left`);
          }
        }
        const failed = results.filter((r) => r.error);
        const lines = results.map((r) => (r.error ? `  ${r.file}: ${r.error} (nothing stored)` : `  ${r.file}: ${r.outcome?.toLowerCase().replace('_', ' ')} → ${r.id}`));
        const counts = ['CREATED', 'TEXT_ADDED', 'MENTIONS_UPDATED', 'UNCHANGED'].map((o) => `${results.filter((r) => r.outcome === o).length} ${o.toLowerCase().replace('_', ' ')}`).join(', ');
        print({ ok: failed.length === 0, results }, `Imported ${files.length - failed.length} of ${files.length} files (${counts}${failed.length ? `, ${failed.length} refused` : ''}):\n${lines.join('\n')}`);
        return failed.length ? EXIT.checkFailed : EXIT.ok;
      },
    },
  ],
};

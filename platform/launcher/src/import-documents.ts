/**
 * HUB_DOCUMENTS_DIR: the articles of a folder taken in when the hub starts, through the same
 * mutation as `hub documents import` (same checks, same idempotence: a restart imports nothing
 * new). The launcher is part of the hub, so it asks the knowledge subgraph directly, signed with
 * that subgraph's secret, as "hub start". A file that cannot be taken in is logged and skipped;
 * the hub starts regardless.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { signRequest, subgraphSecret, type Logger } from '@hub/core';
import { articleFiles, readArticle } from '@hub/cli';

const IMPORT = 'mutation ($input: DocumentImportInput!) { importDocument(input: $input) { outcome document { id } } }';

export async function importDocumentsDir(options: { dir: string; knowledgeUrl: string; signingSecret: string; log: Logger }): Promise<void> {
  const { dir, log } = options;
  let files: string[];
  try {
    files = await articleFiles([dir]);
  } catch (error) {
    log.warn(`HUB_DOCUMENTS_DIR: ${(error as Error).message}`);
    return;
  }
  const outcomes = new Map<string, number>();
  for (const file of files) {
    const name = basename(file);
    try {
      const article = readArticle(name, await readFile(file));
      const body = JSON.stringify({ query: IMPORT, variables: { input: { origin: name, title: article.title, text: article.text, publishedOn: article.publishedOn } } });
      const headers = { 'content-type': 'application/json', ...signRequest(subgraphSecret(options.signingSecret, 'knowledge'), { subject: 'hub start', scopes: ['hub:write'] }, body) };
      const answer = (await (await fetch(options.knowledgeUrl, { method: 'POST', headers, body })).json()) as { data?: { importDocument: { outcome: string } }; errors?: Array<{ message: string }> };
      if (!answer.data?.importDocument) throw new Error(answer.errors?.[0]?.message ?? 'no answer');
      outcomes.set(answer.data.importDocument.outcome, (outcomes.get(answer.data.importDocument.outcome) ?? 0) + 1);
    } catch (error) {
      log.warn(`HUB_DOCUMENTS_DIR: ${name} was not imported: ${(error as Error).message}`);
      outcomes.set('refused', (outcomes.get('refused') ?? 0) + 1);
    }
  }
  log.info(`imported the articles of ${dir}`, Object.fromEntries([...outcomes].map(([outcome, count]) => [outcome.toLowerCase(), count])));
}

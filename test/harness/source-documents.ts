/**
 * The five source documents live beside the checkout (../shared/seed-documents), not in it. Only
 * tests that read them may depend on them, and when the folder is absent those tests are
 * skipped with a line that says so, so a clone on its own still runs every other test.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SOURCE_DOCUMENTS_DIR = fileURLToPath(new URL('../../../shared/seed-documents/', import.meta.url));

export const haveSourceDocuments = existsSync(SOURCE_DOCUMENTS_DIR);

if (!haveSourceDocuments) {
  process.stderr.write(`\n*** SKIPPED: tests that read the five source documents — ${SOURCE_DOCUMENTS_DIR} is absent (put the shared/ folder beside the checkout to run them) ***\n\n`);
}

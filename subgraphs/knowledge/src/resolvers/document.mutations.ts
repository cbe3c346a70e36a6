import { writeResolver, type InputCheck } from '@hub/kit';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Topic } from '../entities/topic.entity.js';
import { DocumentInput, DocumentPatch } from '../inputs/document.input.js';

const LANGUAGE = /^[a-z]{2}$/;

function take(check: InputCheck, record: SourceDocument, input: Partial<DocumentInput> | DocumentPatch, at: string): void {
  if (input.title != null) record.title = check.text(`${at}.title`, input.title, true);
  const optional = (field: 'publisher' | 'author' | 'summary' | 'text') => {
    const value = input[field];
    if (value !== undefined) record[field] = value === null ? undefined : check.text(`${at}.${field}`, value, false);
  };
  optional('publisher');
  optional('author');
  optional('summary');
  optional('text');
  if (input.publishedOn !== undefined) record.publishedOn = check.date(`${at}.publishedOn`, input.publishedOn);
  if (input.topics != null) {
    check.exists(`${at}.topics`, Topic, input.topics);
    record.topics = [...new Set(input.topics)];
  }
}

/** A new document: its key is the code given or the slug of its title. */
function create(check: InputCheck, input: DocumentInput): SourceDocument {
  const id = check.newKey(SourceDocument, input.code, input.title, 'input.title');
  if (!LANGUAGE.test(input.language)) check.add('input.language', `must be a two-letter ISO 639-1 code like "vi", got ${JSON.stringify(input.language)}`);
  return Object.assign(new SourceDocument(), { _id: id, language: input.language, origin: input.origin });
}

export const DocumentMutations = writeResolver({
  entity: SourceDocument,
  name: 'Document',
  noun: 'a source document',
  Input: DocumentInput,
  Patch: DocumentPatch,
  create,
  take,
});

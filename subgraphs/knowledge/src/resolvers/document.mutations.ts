import { archiveRecord, InputCheck, loadForWrite, saveRecord, slugify, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
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

@Resolver(() => SourceDocument)
export class DocumentMutations {
  @Authorized('hub:write')
  @Mutation(() => SourceDocument, { description: 'Takes in a source document (metadata and text). Needs hub:write.' })
  async createDocument(@Ctx() ctx: SubgraphContext, @Arg('input', () => DocumentInput, { description: 'The new document.' }) input: DocumentInput) {
    const check = new InputCheck(ctx);
    const code = input.code ?? slugify(input.title);
    check.slug(input.code ? 'input.code' : 'input.title', code || '(empty)');
    if (code) check.unused('input.code', SourceDocument, code);
    if (!LANGUAGE.test(input.language)) check.add('input.language', `must be a two-letter ISO 639-1 code like "vi", got ${JSON.stringify(input.language)}`);
    const record = Object.assign(new SourceDocument(), { _id: code, language: input.language, origin: input.origin });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => SourceDocument, { description: 'Changes a source document. Needs hub:write.' })
  async updateDocument(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the document to change.' }) id: string, @Arg('patch', () => DocumentPatch, { description: 'The changes: only the fields given change.' }) patch: DocumentPatch) {
    const record = await loadForWrite(ctx, SourceDocument, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => SourceDocument, { description: 'Archives a document: it leaves lists but still resolves where referenced. Needs hub:write.' })
  archiveDocument(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the document to archive.' }) id: string) {
    return archiveRecord(ctx, SourceDocument, id);
  }
}

/**
 * Taking in an article's text. One code path for every way text arrives (`hub documents import`,
 * HUB_DOCUMENTS_DIR at start): the same validation and the same write as any edit. A file whose
 * origin is already a document's fills in that document's text (the seeded documents name their
 * files); the same text again changes nothing (a content hash), so importing twice is harmless.
 */
import { createHash } from 'node:crypto';
import { createRecord, InputCheck, updateRecord, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { SourceDocument } from '../entities/source-document.entity.js';
import { DocumentImportInput } from '../inputs/document-import.input.js';
import { findMentions, knownNames } from '../mentions.js';

export enum ImportOutcome {
  CREATED = 'CREATED',
  TEXT_ADDED = 'TEXT_ADDED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What an import did.',
  valuesConfig: {
    CREATED: { description: 'A new document was stored.' },
    TEXT_ADDED: { description: 'A document with this origin existed (a seeded one, or an earlier import); its text was filled in or replaced.' },
    UNCHANGED: { description: 'The same text was imported before: nothing was written.' },
  },
});

@ObjectType({ description: 'The result of importing one article.' })
export class DocumentImport {
  @Field(() => ImportOutcome, { description: 'Whether the document was created, got its text, or was already as imported.' })
  outcome!: ImportOutcome;

  @Field(() => SourceDocument, { description: 'The document as stored now.' })
  document!: SourceDocument;
}

/** Texts larger than this are refused: an article is a few kilobytes, not a book. */
export const MAX_TEXT_CHARS = 2_000_000;
const LANGUAGE = /^[a-z]{2}$/;

export const contentHash = (text: string) => createHash('sha256').update(text.normalize('NFC')).digest('hex');

@Resolver(() => SourceDocument)
export class DocumentImportMutation {
  @Authorized('hub:write')
  @Mutation(() => DocumentImport, { description: 'Takes in an article\'s text: fills in the document with the same origin, or adds a new one; the same text twice changes nothing. Needs hub:write.' })
  async importDocument(@Ctx() ctx: SubgraphContext, @Arg('input', () => DocumentImportInput, { description: 'The article.' }) input: DocumentImportInput): Promise<DocumentImport> {
    const check = new InputCheck(ctx);
    const origin = check.text('input.origin', input.origin, true);
    const text = check.text('input.text', input.text, true);
    if (text && text.length > MAX_TEXT_CHARS) check.add('input.text', `is ${text.length} characters; at most ${MAX_TEXT_CHARS} are taken`);
    if (text && /\u0000/.test(text)) check.add('input.text', 'contains NUL characters: it is not text');
    if (!LANGUAGE.test(input.language)) check.add('input.language', `must be a two-letter ISO 639-1 code like "vi", got ${JSON.stringify(input.language)}`);
    const publishedOn = check.date('input.publishedOn', input.publishedOn);
    const existing = origin ? await ctx.em.findOne(SourceDocument, { origin } as never) : null;
    const title = existing ? undefined : check.text('input.title', input.title, true);
    await check.assertValid();

    const hash = contentHash(text);
    // The records the text names, linked the moment the article arrives.
    const mentions = existing?.contentHash === hash ? [] : findMentions(text, await knownNames(ctx));
    if (existing) {
      if (existing.contentHash === hash) return { outcome: ImportOutcome.UNCHANGED, document: existing };
      const document = await updateRecord(ctx, SourceDocument, existing._id, undefined, (record) => {
        // Only the text: a document already in the hub keeps its curated title and date.
        record.text = text;
        record.contentHash = hash;
        record.mentions = mentions;
        // The text is not an editorial change: the seed may still refresh the curated fields
        // and keeps the text (SourceDocument.importedFields).
      }, { marksEdited: false });
      return { outcome: ImportOutcome.TEXT_ADDED, document };
    }
    const record = Object.assign(new SourceDocument(), { _id: check.newKey(SourceDocument, undefined, title, 'input.title'), title, text, contentHash: hash, mentions, origin, publishedOn, language: input.language });
    await check.assertValid();
    return { outcome: ImportOutcome.CREATED, document: await createRecord(ctx, record, check) };
  }
}

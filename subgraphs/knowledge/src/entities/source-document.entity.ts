import { Embedded, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, HubRecord, PartialDate, searchTokens } from '@hub/kit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Mention, type MentionKind } from './mention.embeddable.js';

export const mentionKey = (kind: MentionKind | string, key: string) => `${kind}:${key}`;

@Entity({ collection: 'documents' })
@ObjectType({ description: 'A document the hub takes facts from: a news report, an official notice.' })
@Directive('@key(fields: "id")')
export class SourceDocument extends HubRecord {
  @Property({ type: 'string' })
  @Field(() => String, { description: 'The title as published.' })
  title!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who published it: a newspaper, a website or an agency, as written.' })
  publisher?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who wrote it, when the document names an author.' })
  author?: string;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'When it was published: only the parts known.' })
  publishedOn?: PartialDate;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'ISO 639-1 language code: "vi".' })
  language!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it reports, in our own words.' })
  summary?: string;

  /** The full text, when it has been imported; searched through `searchTokens`. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The full text, when it has been imported (`hub documents import`); searched without diacritics.' })
  text?: string;

  /** SHA-256 of the imported text, so importing the same text again changes nothing. */
  @Property({ type: 'string', nullable: true })
  contentHash?: string;

  /** Where the text came from, e.g. the imported file's name. */
  @Property({ type: 'string', nullable: true })
  @Index()
  @Field(() => String, { nullable: true, description: 'The file or address the document was taken in from.' })
  origin?: string;

  @Property({ type: 'array' })
  @Index()
  topics: string[] = [];

  /** The records its text names, found when its text is imported. */
  @Embedded({ entity: () => Mention, object: true, array: true })
  @Field(() => [Mention], { description: 'The people, committees, agencies, provinces, conclusions and strategies its text names, most named first (found when the text is imported).' })
  mentions: Mention[] = [];

  /** "KIND:key" of each mention, indexed: what `mentionedIn` looks up. */
  @Property({ type: 'array' })
  @Index()
  mentionedKeys: string[] = [];

  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  /** What `hub documents import` brings, beside the seed's facts: the seed leaves these as they are. */
  static readonly importedFields = ['text', 'contentHash', 'mentions'] as const;

  refresh(): this {
    this.mentionedKeys = this.mentions.map((mention) => mentionKey(mention.kind, mention.key));
    this.searchTokens = searchTokens(this.title, this.summary, this.publisher, this.author, this.text);
    this.sortKey = `${foldText(this.title)} ${this._id}`;
    return this;
  }
}

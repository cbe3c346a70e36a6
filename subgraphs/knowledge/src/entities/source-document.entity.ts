import { Embedded, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, PartialDate, searchTokens } from '@hub/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Entity({ collection: 'documents' })
@ObjectType({ description: 'A document the hub takes facts from: a news report, an official notice.' })
@Directive('@key(fields: "id")')
export class SourceDocument {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier (a slug).' })
  get id(): string {
    return this._id;
  }

  @Property({ type: 'string' })
  @Field(() => String)
  title!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  publisher?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  author?: string;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true })
  publishedOn?: PartialDate;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'ISO 639-1 language code: "vi".' })
  language!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it reports, in our own words.' })
  summary?: string;

  /** The full text, when it has been imported; searched through `searchTokens`. */
  @Property({ type: 'text', nullable: true })
  text?: string;

  /** Where the text came from, e.g. the imported file's name. */
  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The file or address the document was taken in from.' })
  origin?: string;

  @Property({ type: 'array' })
  @Index()
  topics: string[] = [];

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  @Property({ type: 'Date', nullable: true })
  archivedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  editedAt?: Date;

  refresh(): this {
    this.searchTokens = searchTokens(this.title, this.summary, this.publisher, this.author, this.text);
    this.sortKey = `${foldText(this.title)} ${this._id}`;
    return this;
  }
}

import { Embedded, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, PartialDate, searchTokens } from '@hub/kit';
import { DateTimeResolver } from 'graphql-scalars';
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
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  refresh(): this {
    this.searchTokens = searchTokens(this.title, this.summary, this.publisher, this.author, this.text);
    this.sortKey = `${foldText(this.title)} ${this._id}`;
    return this;
  }
}

import { Embedded, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, HubRecord, PartialDate, searchTokens, slugify } from '@hub/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

@Entity({ collection: 'conclusions' })
@ObjectType({ description: 'A conclusion of a Party body, such as Politburo Conclusion 57-KL/TW.' })
@Directive('@key(fields: "id")')
export class Conclusion extends HubRecord {
  @Property({ type: 'string' })
  @Unique()
  @Field(() => String, { description: 'The number as written: "57-KL/TW".' })
  number!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The title as the documents write it.' })
  title!: string;

  /**
   * The number without case, spaces or punctuation ("57- KL/TW" and "57-kl/tw" → "57-kl-tw"),
   * so a lookup finds it however a document spells it.
   */
  @Property({ type: 'string' })
  @Index()
  numberKey!: string;

  @Property({ type: 'string', nullable: true })
  issuedById?: string;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'When it was issued: only the parts the sources state.' })
  issuedOn?: PartialDate;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it says, in our own words.' })
  summary?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  strategyId?: string;

  @Property({ type: 'array' })
  @Index()
  topics: string[] = [];

  @Property({ type: 'array' })
  sources: string[] = [];

  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  static numberKey(number: string): string {
    return slugify(number);
  }

  refresh(): this {
    this.searchTokens = searchTokens(this.number, this.title, this.summary);
    this.sortKey = `${foldText(this.number)} ${this._id}`;
    this.numberKey = Conclusion.numberKey(this.number);
    return this;
  }
}

import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { searchTokens } from '@hub/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Entity({ collection: 'strategies' })
@ObjectType({ description: 'A multi-year strategy for external information, e.g. 2011–2020 and 2021–2030.' })
@Directive('@key(fields: "id")')
export class Strategy {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier (equal to `code`).' })
  get id(): string {
    return this._id;
  }

  @Property({ type: 'string' })
  @Unique()
  @Field(() => String, { description: 'Stable ASCII slug.' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The title as the documents write it.' })
  title!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The first year it covers, e.g. 2021.' })
  startYear!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The last year it covers, e.g. 2030.' })
  endYear!: number;

  @Property({ type: 'string', nullable: true })
  @Index()
  predecessorId?: string;

  @Property({ type: 'array' })
  @Index()
  topics: string[] = [];

  @Property({ type: 'array' })
  sources: string[] = [];

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  refresh(): this {
    this.searchTokens = searchTokens(this.title, this.code);
    return this;
  }
}

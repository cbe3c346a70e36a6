import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { HubRecord, searchTokens } from '@hub/kit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Entity({ collection: 'strategies' })
@ObjectType({ description: 'A multi-year strategy for external information, e.g. 2011–2020 and 2021–2030.' })
@Directive('@key(fields: "id")')
export class Strategy extends HubRecord {
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

  refresh(): this {
    this.searchTokens = searchTokens(this.title, this.code);
    return this;
  }
}

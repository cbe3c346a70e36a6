import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

/**
 * What the sources allow about when an event took place, when they do not give its date: the
 * earliest and latest possible days and why (the review of the first half of 2020 was held after
 * June 2020; an article published on 24 January 2021 reports a meeting held before).
 */
@Embeddable()
@ObjectType({ description: 'The days an event whose date the sources do not give may have taken place on, and why.' })
export class DateBounds {
  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The earliest possible day (ISO, "2020-07-01"); null when nothing bounds it.' })
  earliest?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The latest possible day (ISO); null when nothing bounds it.' })
  latest?: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Why, from the sources: which passage gives which bound.' })
  reasoning!: string;
}

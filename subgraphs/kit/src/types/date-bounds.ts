import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * What the sources allow about when something happened, when they do not give its date: the
 * earliest and latest possible days and why (the review of the first half of 2020 was held after
 * June 2020; an article published on 24 January 2021 reports a meeting held before). Events carry
 * them for their date, positions for the meetings that show a title held.
 */
@Embeddable()
@ObjectType({ description: 'The days something whose date the sources do not give may have happened on, and why.' })
@Directive('@shareable')
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

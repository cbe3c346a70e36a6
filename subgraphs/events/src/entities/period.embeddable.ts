import { Embeddable, Embedded } from '@mikro-orm/decorators/legacy';
import { PartialDate } from '@hub/kit';
import { Field, ObjectType } from 'type-graphql';

@Embeddable()
@ObjectType({ description: 'A span of time whose ends may be partial dates, e.g. the first half of 2020.' })
export class Period {
  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'Where the period starts, when known; may be partial (e.g. just the year).' })
  from?: PartialDate;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'Where the period ends, when known; may be partial.' })
  to?: PartialDate;
}

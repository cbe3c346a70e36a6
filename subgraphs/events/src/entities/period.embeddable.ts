import { Embeddable, Embedded } from '@mikro-orm/decorators/legacy';
import { PartialDate } from '@hub/kit';
import { Field, ObjectType } from 'type-graphql';

@Embeddable()
@ObjectType({ description: 'A span of time whose ends may be partial dates, e.g. the first half of 2020.' })
export class Period {
  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true })
  from?: PartialDate;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true })
  to?: PartialDate;
}

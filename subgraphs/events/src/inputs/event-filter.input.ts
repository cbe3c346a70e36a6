import { DateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind } from '../enums.js';

@InputType({ description: 'Narrows a list of events; all given conditions must hold.' })
export class EventFilter {
  @Field(() => EventKind, { nullable: true, description: 'Events of this kind.' })
  kind?: EventKind;

  @Field(() => Int, { nullable: true, description: 'Events of this year; events whose year is unknown never match.' })
  year?: number;

  @Field(() => DateResolver, { nullable: true, description: 'Events that may have taken place on or after this day.' })
  from?: Date;

  @Field(() => DateResolver, { nullable: true, description: 'Events that may have taken place on or before this day.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Events organized by this committee.' })
  organizerId?: string;

  @Field(() => String, { nullable: true, description: 'Events held in this province (its code).' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the title, place, participants or tasks, ignoring case and diacritics.' })
  search?: string;
}

import { DateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateMatch, EventKind, Region } from '../enums.js';

@InputType({ description: 'Narrows a list of events; all given conditions must hold.' })
export class EventFilter {
  @Field(() => EventKind, { nullable: true, description: 'Events of this kind.' })
  kind?: EventKind;

  @Field(() => Int, { nullable: true, description: 'Events of this year: held in it (certainly, or possibly as `dates` says), or reviewing it (the review of 2018).' })
  year?: number;

  @Field(() => DateResolver, { nullable: true, description: 'Events that took place on or after this day (certainly or possibly: see `dates`).' })
  from?: Date;

  @Field(() => DateResolver, { nullable: true, description: 'Events that took place on or before this day (certainly or possibly: see `dates`).' })
  to?: Date;

  @Field(() => DateMatch, { nullable: true, defaultValue: DateMatch.POSSIBLE, description: 'With year, from or to: events possibly in the range (the default), or only those certainly in it.' })
  dates?: DateMatch;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With year, from or to: also events about whose date nothing at all is known.' })
  includeUndated?: boolean;

  @Field(() => ID, { nullable: true, description: 'Events this person took part in.' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: 'Events this committee organized or took part in.' })
  committeeId?: string;

  @Field(() => ID, { nullable: true, description: 'Events organized by this committee.' })
  organizerId?: string;

  @Field(() => String, { nullable: true, description: "Events of this province (its code): held there, or organized or attended by its committee." })
  provinceCode?: string;

  @Field(() => Region, { nullable: true, description: 'Events of this region: held in one of its provinces, or organized or attended by the committee of one.' })
  region?: Region;

  @Field(() => String, { nullable: true, description: 'Words of the title, place, participants or tasks, in any order, ignoring case and diacritics; a "quoted phrase" must appear with its words side by side, in order (`"giao ban"`). An unclosed quote is refused.' })
  search?: string;
}

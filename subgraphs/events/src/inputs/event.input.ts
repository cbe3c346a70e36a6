import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind, ParticipantRole } from '../enums.js';

@InputType({ description: 'Who took part and as what; give at least a person, a title, a committee or an agency.' })
export class ParticipantInput {
  @Field(() => ParticipantRole)
  role!: ParticipantRole;

  @Field(() => String, { nullable: true, description: 'As written in the source.' })
  title?: string;

  @Field(() => ID, { nullable: true })
  personId?: string;

  @Field(() => ID, { nullable: true })
  committeeId?: string;

  @Field(() => ID, { nullable: true })
  agencyId?: string;
}

@InputType({ description: 'A span of time whose ends may be partial dates.' })
export class PeriodInput {
  @Field(() => PartialDateInput, { nullable: true })
  from?: PartialDateInput;

  @Field(() => PartialDateInput, { nullable: true })
  to?: PartialDateInput;
}

@InputType({ description: 'A new event.' })
export class EventInput {
  @Field(() => String, { nullable: true, description: 'Stable ASCII slug; becomes the id. By default made from the year and the title.' })
  code?: string;

  @Field(() => String)
  title!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => PartialDateInput, { description: 'Only the parts the source states.' })
  date!: PartialDateInput;

  @Field(() => String, { nullable: true })
  location?: string;

  @Field(() => String, { nullable: true })
  provinceCode?: string;

  @Field(() => ID, { nullable: true })
  organizerId?: string;

  @Field(() => [ParticipantInput], { nullable: true })
  participants?: ParticipantInput[];

  @Field(() => Int, { nullable: true })
  attendingCommitteeCount?: number;

  @Field(() => Int, { nullable: true })
  bridgePoints?: number;

  @Field(() => PeriodInput, { nullable: true })
  reviewPeriod?: PeriodInput;

  @Field(() => [String], { nullable: true })
  tasks?: string[];

  @Field(() => [ID], { nullable: true })
  conclusionIds?: string[];

  @Field(() => [ID], { nullable: true })
  strategyIds?: string[];

  @Field(() => [ID], { description: 'The source documents that report it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to an event: only the fields given change; null clears an optional one.' })
export class EventPatch {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind;

  @Field(() => PartialDateInput, { nullable: true })
  date?: PartialDateInput;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => ID, { nullable: true })
  organizerId?: string | null;

  @Field(() => [ParticipantInput], { nullable: true })
  participants?: ParticipantInput[];

  @Field(() => Int, { nullable: true })
  attendingCommitteeCount?: number | null;

  @Field(() => Int, { nullable: true })
  bridgePoints?: number | null;

  @Field(() => PeriodInput, { nullable: true })
  reviewPeriod?: PeriodInput | null;

  @Field(() => [String], { nullable: true })
  tasks?: string[];

  @Field(() => [ID], { nullable: true })
  conclusionIds?: string[];

  @Field(() => [ID], { nullable: true })
  strategyIds?: string[];

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

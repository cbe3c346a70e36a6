import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind, ParticipantRole } from '../enums.js';

@InputType({ description: 'Who took part and as what; give at least a person, a title, a committee or an agency.' })
export class ParticipantInput {
  @Field(() => ParticipantRole, { description: 'What they did at the event (the first of `roles` when both are given).' })
  role!: ParticipantRole;

  @Field(() => [ParticipantRole], { nullable: true, description: 'Everything they did, when more than one thing (chaired and spoke).' })
  roles?: ParticipantRole[];

  @Field(() => String, { nullable: true, description: 'As written in the source.' })
  title?: string;

  @Field(() => ID, { nullable: true, description: 'The person, when the source names them.' })
  personId?: string;

  @Field(() => ID, { nullable: true, description: 'The committee they took part for.' })
  committeeId?: string;

  @Field(() => ID, { nullable: true, description: 'The agency they took part for.' })
  agencyId?: string;
}

@InputType({ description: 'A span of time whose ends may be partial dates.' })
export class PeriodInput {
  @Field(() => PartialDateInput, { nullable: true, description: 'Where the period starts, when known; may be partial (e.g. just the year).' })
  from?: PartialDateInput;

  @Field(() => PartialDateInput, { nullable: true, description: 'Where the period ends, when known; may be partial.' })
  to?: PartialDateInput;
}

@InputType({ description: 'A new event.' })
export class EventInput {
  @Field(() => String, { nullable: true, description: 'Stable ASCII slug; becomes the id. By default made from the year and the title.' })
  code?: string;

  @Field(() => String, { description: 'A descriptive Vietnamese title.' })
  title!: string;

  @Field(() => EventKind, { description: 'What kind of meeting it was.' })
  kind!: EventKind;

  @Field(() => PartialDateInput, { description: 'Only the parts the source states.' })
  date!: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'Where, as written: "Hà Nội".' })
  location?: string;

  @Field(() => String, { nullable: true, description: 'The province it took place in (its code, e.g. "ha-noi").' })
  provinceCode?: string;

  @Field(() => ID, { nullable: true, description: 'The committee that held it.' })
  organizerId?: string;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part and as what, in the order the sources name them.' })
  participants?: ParticipantInput[];

  @Field(() => Int, { nullable: true, description: 'How many provincial committees attended, when the source gives a number (0–1000).' })
  attendingCommitteeCount?: number;

  @Field(() => Int, { nullable: true, description: 'Online bridge points (điểm cầu), when the event was broadcast to several sites (0–100000).' })
  bridgePoints?: number;

  @Field(() => PeriodInput, { nullable: true, description: 'The period the meeting reviewed, e.g. the first half of 2020.' })
  reviewPeriod?: PeriodInput;

  @Field(() => [String], { nullable: true, description: "Key tasks the meeting set, one per item, in the source's own order." })
  tasks?: string[];

  @Field(() => [ID], { nullable: true, description: 'The conclusions it studied or implemented.' })
  conclusionIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The strategies it reviewed or implemented.' })
  strategyIds?: string[];

  @Field(() => [ID], { description: 'The source documents that report it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to an event: only the fields given change; null clears an optional one.' })
export class EventPatch {
  @Field(() => String, { nullable: true, description: 'A new title; null leaves it unchanged.' })
  title?: string;

  @Field(() => EventKind, { nullable: true, description: 'A new kind; null leaves it unchanged.' })
  kind?: EventKind;

  @Field(() => PartialDateInput, { nullable: true, description: 'A new date, only the parts the source states; null leaves it unchanged ({} says nothing is known).' })
  date?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'Where, as written; null clears it.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'The province it took place in (its code); null clears it.' })
  provinceCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The committee that held it; null clears it.' })
  organizerId?: string | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Replaces the participants; [] empties the list, null leaves it unchanged.' })
  participants?: ParticipantInput[];

  @Field(() => Int, { nullable: true, description: 'How many provincial committees attended (0–1000); null clears it.' })
  attendingCommitteeCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Online bridge points (0–100000); null clears it.' })
  bridgePoints?: number | null;

  @Field(() => PeriodInput, { nullable: true, description: 'The period the meeting reviewed; null clears it.' })
  reviewPeriod?: PeriodInput | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the key tasks; [] empties the list, null leaves it unchanged.' })
  tasks?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the conclusions it studied or implemented; [] empties the list, null leaves it unchanged.' })
  conclusionIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the strategies it reviewed or implemented; [] empties the list, null leaves it unchanged.' })
  strategyIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that report it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

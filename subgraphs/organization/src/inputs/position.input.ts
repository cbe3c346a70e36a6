import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { PositionRole } from '../enums.js';

@InputType({ description: 'A title a person holds in exactly one committee or one agency.' })
export class PositionInput {
  @Field(() => ID, { description: 'The person who holds the title.' })
  personId!: string;

  @Field(() => String, { description: 'As written: "Phó Trưởng ban Thường trực".' })
  title!: string;

  @Field(() => PositionRole, { description: 'The kind of title; `title` keeps the wording.' })
  role!: PositionRole;

  @Field(() => ID, { nullable: true, description: 'The committee the title is held in; give exactly one of committeeId and agencyId.' })
  committeeId?: string;

  @Field(() => ID, { nullable: true, description: 'The agency the title is held in; give exactly one of committeeId and agencyId.' })
  agencyId?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'Since when, if a source says.' })
  since?: PartialDateInput;

  @Field(() => PartialDateInput, { nullable: true, description: 'Until when, if a source says.' })
  until?: PartialDateInput;

  @Field(() => [PartialDateInput], { nullable: true, description: 'Dates on which a source shows the title held (e.g. the date of a meeting), when since/until are unknown.' })
  attestedOn?: PartialDateInput[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a position: only the fields given change; null clears an optional one.' })
export class PositionPatch {
  @Field(() => PositionRole, { nullable: true, description: 'A new kind of title; null leaves it unchanged.' })
  role?: PositionRole;

  @Field(() => PartialDateInput, { nullable: true, description: 'Since when; null clears it.' })
  since?: PartialDateInput | null;

  @Field(() => PartialDateInput, { nullable: true, description: 'Until when, e.g. when the title ended; null clears it.' })
  until?: PartialDateInput | null;

  @Field(() => [PartialDateInput], { nullable: true, description: 'Replaces the dates on which a source shows the title held; [] empties the list, null leaves it unchanged.' })
  attestedOn?: PartialDateInput[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that state it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

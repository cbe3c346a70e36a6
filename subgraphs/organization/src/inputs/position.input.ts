import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { PositionRole } from '../enums.js';

@InputType({ description: 'A title a person holds in exactly one committee or one agency.' })
export class PositionInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: 'As written: "Phó Trưởng ban Thường trực".' })
  title!: string;

  @Field(() => PositionRole)
  role!: PositionRole;

  @Field(() => ID, { nullable: true })
  committeeId?: string;

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => PartialDateInput, { nullable: true })
  since?: PartialDateInput;

  @Field(() => PartialDateInput, { nullable: true })
  until?: PartialDateInput;

  @Field(() => [PartialDateInput], { nullable: true })
  attestedOn?: PartialDateInput[];

  @Field(() => [ID])
  sources!: string[];
}

@InputType({ description: 'Changes to a position: only the fields given change; null clears an optional one.' })
export class PositionPatch {
  @Field(() => PositionRole, { nullable: true })
  role?: PositionRole;

  @Field(() => PartialDateInput, { nullable: true })
  since?: PartialDateInput | null;

  @Field(() => PartialDateInput, { nullable: true })
  until?: PartialDateInput | null;

  @Field(() => [PartialDateInput], { nullable: true })
  attestedOn?: PartialDateInput[];

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

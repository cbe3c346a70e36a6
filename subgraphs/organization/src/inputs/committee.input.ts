import { Field, ID, InputType } from 'type-graphql';
import { NameFormInput } from './name-form.input.js';
import { CommitteeLevel } from '../enums.js';

@InputType({ description: 'A new steering committee.' })
export class CommitteeInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String, { description: 'The official Vietnamese name, as written.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'An English name, when one is in use.' })
  nameEn?: string;

  @Field(() => CommitteeLevel, { description: 'Central or provincial; it cannot be changed later.' })
  level!: CommitteeLevel;

  @Field(() => String, { nullable: true, description: 'Required for a provincial committee.' })
  provinceCode?: string;

  @Field(() => ID, { nullable: true, description: 'The committee it reports to (for a provincial one, the central committee).' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'The agency that runs it day to day (cơ quan thường trực).' })
  standingAgencyId?: string;

  @Field(() => [ID], { nullable: true, description: 'Its member agencies (cơ quan thành viên), where a source lists them.' })
  memberAgencyIds?: string[];

  @Field(() => [NameFormInput], { nullable: true, description: 'Other ways the source documents write the name, each with its passage.' })
  nameForms?: NameFormInput[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a committee: only the fields given change; null clears an optional one.' })
export class CommitteePatch {
  @Field(() => String, { nullable: true, description: 'A new official Vietnamese name; it cannot be cleared.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'A new English name; null clears it.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'The province (its code) of a provincial committee; null clears it, which only the central committee allows.' })
  provinceCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The committee it now reports to (not itself); null clears it.' })
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency that now runs it day to day (cơ quan thường trực); null clears it.' })
  standingAgencyId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces its member agencies (cơ quan thành viên); [] empties the list, null leaves it unchanged.' })
  memberAgencyIds?: string[];

  @Field(() => [NameFormInput], { nullable: true, description: 'Replaces the other ways the documents write the name; [] empties the list, null leaves it unchanged.' })
  nameForms?: NameFormInput[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that state it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

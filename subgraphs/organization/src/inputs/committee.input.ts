import { Field, ID, InputType } from 'type-graphql';
import { CommitteeLevel } from '../enums.js';

@InputType({ description: 'A new steering committee.' })
export class CommitteeInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string;

  @Field(() => CommitteeLevel)
  level!: CommitteeLevel;

  @Field(() => String, { nullable: true, description: 'Required for a provincial committee.' })
  provinceCode?: string;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field(() => ID, { nullable: true })
  standingAgencyId?: string;

  @Field(() => [ID], { nullable: true })
  memberAgencyIds?: string[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a committee: only the fields given change; null clears an optional one.' })
export class CommitteePatch {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => ID, { nullable: true })
  standingAgencyId?: string | null;

  @Field(() => [ID], { nullable: true })
  memberAgencyIds?: string[];

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

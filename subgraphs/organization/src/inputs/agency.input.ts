import { Field, ID, InputType } from 'type-graphql';
import { AgencyKind } from '../enums.js';

@InputType({ description: 'A new agency.' })
export class AgencyInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field(() => String, { nullable: true })
  provinceCode?: string;

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to an agency: only the fields given change; null clears an optional one.' })
export class AgencyPatch {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

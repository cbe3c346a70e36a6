import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new person.' })
export class PersonInput {
  @Field(() => String, { description: 'The full name as written, with diacritics.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Stable ASCII slug; by default made from the name ("pham-van-linh"). Give one when two people share a name.' })
  code?: string;

  @Field(() => [ID], { description: 'The source documents that name them (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a person: only the fields given change.' })
export class PersonPatch {
  @Field(() => String, { nullable: true, description: 'The corrected full name, with diacritics; it cannot be cleared. The id stays the same.' })
  fullName?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that name them (at least one); null leaves them unchanged.' })
  sources?: string[];
}

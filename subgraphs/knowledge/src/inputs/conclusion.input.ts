import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new conclusion.' })
export class ConclusionInput {
  @Field(() => String, { description: 'As written: "57-KL/TW".' })
  number!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The issuing body (an Agency of the organization subgraph).' })
  issuedById?: string;

  @Field(() => PartialDateInput, { nullable: true })
  issuedOn?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'In your own words.' })
  summary?: string;

  @Field(() => ID, { nullable: true })
  strategyId?: string;

  @Field(() => [String], { nullable: true, description: 'Topic codes.' })
  topics?: string[];

  @Field(() => [ID])
  sources!: string[];
}

@InputType({ description: 'Changes to a conclusion: only the fields given change; null clears an optional one.' })
export class ConclusionPatch {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => ID, { nullable: true })
  issuedById?: string | null;

  @Field(() => PartialDateInput, { nullable: true })
  issuedOn?: PartialDateInput | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => ID, { nullable: true })
  strategyId?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[];

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

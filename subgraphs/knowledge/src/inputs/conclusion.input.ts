import { PartialDateInput } from '@hub/kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new conclusion.' })
export class ConclusionInput {
  @Field(() => String, { description: 'As written: "57-KL/TW"; becomes the id as a slug and cannot be changed later.' })
  number!: string;

  @Field(() => String, { description: 'The title as the documents write it.' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The issuing body (an Agency of the organization subgraph).' })
  issuedById?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it was issued: only the parts the sources state.' })
  issuedOn?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'In your own words.' })
  summary?: string;

  @Field(() => ID, { nullable: true, description: 'The strategy it belongs to, where a source links them.' })
  strategyId?: string;

  @Field(() => [String], { nullable: true, description: 'Topic codes.' })
  topics?: string[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a conclusion: only the fields given change; null clears an optional one.' })
export class ConclusionPatch {
  @Field(() => String, { nullable: true, description: 'A new title; null leaves it unchanged.' })
  title?: string;

  @Field(() => ID, { nullable: true, description: 'The issuing body (an Agency id); null clears it.' })
  issuedById?: string | null;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it was issued; null clears it.' })
  issuedOn?: PartialDateInput | null;

  @Field(() => String, { nullable: true, description: 'What it says, in your own words; null clears it.' })
  summary?: string | null;

  @Field(() => ID, { nullable: true, description: 'The strategy it belongs to; null clears it.' })
  strategyId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the topic codes; [] empties the list, null leaves it unchanged.' })
  topics?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that state it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

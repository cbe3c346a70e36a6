import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new strategy.' })
export class StrategyInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String, { description: 'The title as the documents write it.' })
  title!: string;

  @Field(() => Int, { description: 'The first year it covers, e.g. 2021 (1945–2200).' })
  startYear!: number;

  @Field(() => Int, { description: 'The last year it covers, e.g. 2030; not before startYear.' })
  endYear!: number;

  @Field(() => ID, { nullable: true, description: 'The strategy this one continues.' })
  predecessorId?: string;

  @Field(() => [String], { nullable: true, description: 'Topic codes.' })
  topics?: string[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to a strategy: only the fields given change; null clears an optional one.' })
export class StrategyPatch {
  @Field(() => String, { nullable: true, description: 'A new title; null leaves it unchanged.' })
  title?: string;

  @Field(() => Int, { nullable: true, description: 'A new first year (1945–2200); null leaves it unchanged.' })
  startYear?: number;

  @Field(() => Int, { nullable: true, description: 'A new last year, not before the start year; null leaves it unchanged.' })
  endYear?: number;

  @Field(() => ID, { nullable: true, description: 'The strategy this one continues (not itself); null clears it.' })
  predecessorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the topic codes; [] empties the list, null leaves it unchanged.' })
  topics?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that state it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new strategy.' })
export class StrategyInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int)
  endYear!: number;

  @Field(() => ID, { nullable: true })
  predecessorId?: string;

  @Field(() => [String], { nullable: true, description: 'Topic codes.' })
  topics?: string[];

  @Field(() => [ID])
  sources!: string[];
}

@InputType({ description: 'Changes to a strategy: only the fields given change; null clears an optional one.' })
export class StrategyPatch {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => Int, { nullable: true })
  startYear?: number;

  @Field(() => Int, { nullable: true })
  endYear?: number;

  @Field(() => ID, { nullable: true })
  predecessorId?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[];

  @Field(() => [ID], { nullable: true })
  sources?: string[];
}

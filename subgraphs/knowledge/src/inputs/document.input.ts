import { PartialDateInput } from '@hub/kit';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A source document taken in as text: a news report, an official notice.' })
export class DocumentInput {
  @Field(() => String, { nullable: true, description: 'Stable ASCII slug; becomes the id. By default made from the title.' })
  code?: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string;

  @Field(() => String, { nullable: true })
  author?: string;

  @Field(() => PartialDateInput, { nullable: true })
  publishedOn?: PartialDateInput;

  @Field(() => String, { defaultValue: 'vi', description: 'ISO 639-1 code.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'In your own words.' })
  summary?: string;

  @Field(() => String, { nullable: true, description: 'The full text; searchable without diacritics.' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Where it came from: a file name or an address.' })
  origin?: string;

  @Field(() => [String], { nullable: true, description: 'Topic codes.' })
  topics?: string[];
}

@InputType({ description: 'Changes to a document: only the fields given change; null clears an optional one.' })
export class DocumentPatch {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => PartialDateInput, { nullable: true })
  publishedOn?: PartialDateInput | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[];
}

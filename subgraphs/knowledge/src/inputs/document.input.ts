import { PartialDateInput } from '@hub/kit';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A source document taken in as text: a news report, an official notice.' })
export class DocumentInput {
  @Field(() => String, { nullable: true, description: 'Stable ASCII slug; becomes the id. By default made from the title.' })
  code?: string;

  @Field(() => String, { description: 'The title as published.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it: a newspaper, a website or an agency, as written.' })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it, when the document names an author.' })
  author?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it was published: only the parts known.' })
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
  @Field(() => String, { nullable: true, description: 'A new title; null leaves it unchanged.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Who published it; null clears it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it; null clears it.' })
  author?: string | null;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it was published; null clears it.' })
  publishedOn?: PartialDateInput | null;

  @Field(() => String, { nullable: true, description: 'What it reports, in your own words; null clears it.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The full text, replacing the old one; null clears it.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the topic codes; [] empties the list, null leaves it unchanged.' })
  topics?: string[];
}

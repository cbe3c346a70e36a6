import { PartialDateInput } from '@hub/kit';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'An article taken in from a file (`hub documents import`): its text and what the text states about itself.' })
export class DocumentImportInput {
  @Field(() => String, { description: 'The file it came from (its name): a document already in the hub with this origin gets the text instead of a second record.' })
  origin!: string;

  @Field(() => String, { description: 'The title as published (used only when the document is new).' })
  title!: string;

  @Field(() => String, { description: 'The full text, as plain text.' })
  text!: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'The publication date, where the text states it.' })
  publishedOn?: PartialDateInput;

  @Field(() => String, { defaultValue: 'vi', description: 'ISO 639-1 code.' })
  language!: string;
}

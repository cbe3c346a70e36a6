import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of documents; all given conditions must hold.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'Documents about this topic (its code).' })
  topicCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the title, summary or text, in any order, ignoring case and diacritics; a "quoted phrase" must appear with its words in order. An unclosed quote is refused.' })
  search?: string;
}

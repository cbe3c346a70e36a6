import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of documents; all given conditions must hold.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'Documents about this topic (its code).' })
  topicCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the title, summary or text, ignoring case and diacritics.' })
  search?: string;
}

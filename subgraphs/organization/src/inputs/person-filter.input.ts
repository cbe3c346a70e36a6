import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name, in any order, ignoring case and diacritics: "pham van linh" finds "Phạm Văn Linh"; a "quoted phrase" must appear with its words side by side, in order. An unclosed quote is refused.' })
  search?: string;
}

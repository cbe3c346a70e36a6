import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name, ignoring case and diacritics: "pham van linh" finds "Phạm Văn Linh".' })
  search?: string;
}

import { Field, InputType } from 'type-graphql';
import { AgencyKind } from '../enums.js';

@InputType({ description: 'Narrows a list of agencies; all given conditions must hold.' })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: 'Agencies of this kind.' })
  kind?: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Agencies of this province (its code).' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the name or its other written forms, in any order, ignoring case and diacritics: "tuyen giao" finds "Tuyên giáo"; a "quoted phrase" must appear with its words side by side, in order. An unclosed quote is refused.' })
  search?: string;
}

import { Field, ID, InputType } from 'type-graphql';
import { NameFormInput } from './name-form.input.js';
import { AgencyKind } from '../enums.js';

@InputType({ description: 'A new agency.' })
export class AgencyInput {
  @Field(() => String, { description: 'Stable ASCII slug; becomes the id.' })
  code!: string;

  @Field(() => String, { description: 'The Vietnamese name, as written.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'An English name, when one is in use.' })
  nameEn?: string;

  @Field(() => AgencyKind, { description: 'What kind of body it is.' })
  kind!: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'The agency it belongs to, if any (e.g. a department of a ministry).' })
  parentId?: string;

  @Field(() => String, { nullable: true, description: 'The province of a provincial body (its code, e.g. "ha-noi").' })
  provinceCode?: string;

  @Field(() => [NameFormInput], { nullable: true, description: 'Other ways the source documents write the name, each with its passage.' })
  nameForms?: NameFormInput[];

  @Field(() => [ID], { description: 'The source documents that state it (at least one).' })
  sources!: string[];
}

@InputType({ description: 'Changes to an agency: only the fields given change; null clears an optional one.' })
export class AgencyPatch {
  @Field(() => String, { nullable: true, description: 'A new Vietnamese name; it cannot be cleared.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'A new English name; null clears it.' })
  nameEn?: string | null;

  @Field(() => AgencyKind, { nullable: true, description: 'A new kind; null leaves it unchanged.' })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'The agency it now belongs to (not itself); null clears it.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Its province (its code); null clears it.' })
  provinceCode?: string | null;

  @Field(() => [NameFormInput], { nullable: true, description: 'Replaces the other ways the documents write the name; [] empties the list, null leaves it unchanged.' })
  nameForms?: NameFormInput[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the source documents that state it (at least one); null leaves them unchanged.' })
  sources?: string[];
}

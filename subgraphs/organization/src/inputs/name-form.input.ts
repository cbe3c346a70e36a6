import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Another way a source document writes the name, and where: mentions in documents are found by it.' })
export class NameFormInput {
  @Field(() => String, { description: 'The name as the document writes it, e.g. "Ban Tuyên giáo T.Ư".' })
  form!: string;

  @Field(() => ID, { description: 'The source document that writes it so.' })
  source!: string;

  @Field(() => String, { description: 'The words around it in that document, verbatim; they must contain the form.' })
  passage!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'True when the form names this record only in that document (a bare "Ban Chỉ đạo" in an article about this committee).' })
  onlyInSource?: boolean;

  @Field(() => [String], { nullable: true, description: 'Longer phrases of that document that begin with the form but name something else.' })
  except?: string[];
}

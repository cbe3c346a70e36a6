import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

/**
 * Another way a source writes a record's name ("Ban Tuyên giáo T.Ư"), stored inside the record
 * with the passage it comes from, so an analyst can see why a document counts as mentioning it.
 */
@Embeddable()
@ObjectType({ description: 'A way a source document writes the name, other than the official name, and where.' })
export class NameForm {
  @Property({ type: 'string' })
  @Field(() => String, { description: 'The name as the document writes it, e.g. "Ban Tuyên giáo T.Ư".' })
  form!: string;

  /** The id of the knowledge subgraph's document that writes it (resolved as `source`). */
  @Property({ type: 'string' })
  source!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The words around it in that document, verbatim.' })
  passage!: string;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { description: 'True when the form names this record only in that document (a bare "Ban Chỉ đạo" in an article about this committee); false when it does in any text.' })
  onlyInSource: boolean = false;

  @Property({ type: 'array', nullable: true })
  @Field(() => [String], { description: 'Longer phrases of that document that begin with the form but speak of something else (e.g. "… các tỉnh, thành phố"): not mentions.' })
  except: string[] = [];

  /** Each form with its defaults filled in (seed facts leave `onlyInSource` and `except` out when unused). */
  static all(forms: ReadonlyArray<Partial<NameForm>> | undefined): NameForm[] {
    return (forms ?? []).map((form) => Object.assign(new NameForm(), form));
  }
}

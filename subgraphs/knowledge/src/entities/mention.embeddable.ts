import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MentionKind {
  PERSON = 'PERSON',
  COMMITTEE = 'COMMITTEE',
  AGENCY = 'AGENCY',
  PROVINCE = 'PROVINCE',
  CONCLUSION = 'CONCLUSION',
  STRATEGY = 'STRATEGY',
}
registerEnumType(MentionKind, { name: 'MentionKind', description: 'What kind of record a document mentions.' });

/** A record a document's text names, found by its folded name; stored on the document. */
@Embeddable()
@ObjectType({ description: "A record of the hub that a document's text names, and how often." })
export class Mention {
  @Property({ type: 'string' })
  @Field(() => MentionKind, { description: 'What kind of record it is; the field of that kind below holds it.' })
  kind!: MentionKind;

  /** The record's key (a province's code, else its id). */
  @Property({ type: 'string' })
  key!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The name as the hub writes it (the text may lack its diacritics).' })
  name!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How many times the text names it.' })
  count!: number;
}

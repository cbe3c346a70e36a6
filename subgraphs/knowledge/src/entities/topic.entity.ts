import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';

@Entity({ collection: 'topics' })
@ObjectType({ description: 'A subject the documents, conclusions and strategies are about.' })
@Directive('@key(fields: "code")')
export class Topic {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => String, { description: 'Stable ASCII slug.' })
  get code(): string {
    return this._id;
  }

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The Vietnamese name.' })
  name!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'An English name.' })
  nameEn?: string;
}

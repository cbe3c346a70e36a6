import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, HubRecord, searchTokens } from '@hub/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

@Entity({ collection: 'people' })
@ObjectType({ description: 'A person named in the sources, with the titles they held.' })
@Directive('@key(fields: "id")')
export class Person extends HubRecord {
  @Property({ type: 'string' })
  @Field(() => String, { description: 'The full name as written: "Phạm Văn Linh".' })
  fullName!: string;

  @Property({ type: 'array' })
  sources: string[] = [];

  /** Vietnamese names sort by the given name (the last word), then the whole name. */
  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  refresh(): this {
    const folded = foldText(this.fullName);
    this.searchTokens = searchTokens(this.fullName);
    this.sortKey = `${folded.split(/\s+/).at(-1)} ${folded} ${this._id}`;
    return this;
  }
}

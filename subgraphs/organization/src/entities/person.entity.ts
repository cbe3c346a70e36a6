import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, searchTokens } from '@hub/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Entity({ collection: 'people' })
@ObjectType({ description: 'A person named in the sources, with the titles they held.' })
@Directive('@key(fields: "id")')
export class Person {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier (a slug of the name, e.g. "pham-van-linh").' })
  get id(): string {
    return this._id;
  }

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The full name as written: "Phạm Văn Linh".' })
  fullName!: string;

  @Property({ type: 'array' })
  sources: string[] = [];

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  /** Vietnamese names sort by the given name (the last word), then the whole name. */
  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  refresh(): this {
    const folded = foldText(this.fullName);
    this.searchTokens = searchTokens(this.fullName);
    this.sortKey = `${folded.split(/\s+/).at(-1)} ${folded} ${this._id}`;
    return this;
  }
}

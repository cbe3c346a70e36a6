import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, searchTokens } from '@hub/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyKind } from '../enums.js';

@Entity({ collection: 'agencies' })
@ObjectType({ description: 'A Party body, ministry, department, press agency or other body that takes part in external information work.' })
@Directive('@key(fields: "id")')
export class Agency {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier (equal to `code`).' })
  get id(): string {
    return this._id;
  }

  @Property({ type: 'string' })
  @Unique()
  @Field(() => String, { description: 'Stable ASCII slug, e.g. "ban-tuyen-giao-tw".' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The Vietnamese name, as written.' })
  name!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'An English name, when one is in use.' })
  nameEn?: string;

  @Property({ type: 'string' })
  @Index()
  @Field(() => AgencyKind, { description: 'What kind of body it is.' })
  kind!: AgencyKind;

  @Property({ type: 'string', nullable: true })
  @Index()
  parentId?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  provinceCode?: string;

  @Property({ type: 'array' })
  sources: string[] = [];

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  refresh(): this {
    this.searchTokens = searchTokens(this.name, this.nameEn, this.code);
    this.sortKey = `${foldText(this.name)} ${this._id}`;
    return this;
  }
}

import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, HubRecord, searchTokens } from '@hub/kit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { AgencyKind } from '../enums.js';

@Entity({ collection: 'agencies' })
@ObjectType({ description: 'A Party body, ministry, department, press agency or other body that takes part in external information work.' })
@Directive('@key(fields: "id")')
export class Agency extends HubRecord {
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

  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  refresh(): this {
    this.searchTokens = searchTokens(this.name, this.nameEn, this.code);
    this.sortKey = `${foldText(this.name)} ${this._id}`;
    return this;
  }
}

import { Embedded, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { NameForm } from './name-form.embeddable.js';
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

  /** What mentions match besides the name; seeded from the facts, each with its passage. */
  @Embedded({ entity: () => NameForm, object: true, array: true })
  @Field(() => [NameForm], { description: 'Other ways the source documents write the name ("… T.Ư"), each with the passage it comes from; mentions in documents are found by these as well as by the name.' })
  nameForms: NameForm[] = [];

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
    this.nameForms = NameForm.all(this.nameForms);
    this.searchTokens = searchTokens(this.name, this.nameEn, this.code, ...this.nameForms.map((nameForm) => nameForm.form));
    this.sortKey = `${foldText(this.name)} ${this._id}`;
    return this;
  }
}

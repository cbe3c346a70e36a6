import { Embedded, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { NameForm } from './name-form.embeddable.js';
import { foldText, HubRecord, searchTokens } from '@hub/kit';
import {  } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CommitteeLevel } from '../enums.js';

/** A steering committee for external information work, central or provincial. */
@Entity({ collection: 'committees' })
@ObjectType({ description: 'A steering committee for external information work (Ban Chỉ đạo Công tác thông tin đối ngoại).' })
@Directive('@key(fields: "id")')
export class Committee extends HubRecord {
  @Property({ type: 'string' })
  @Unique()
  @Field(() => String, { description: 'Stable ASCII slug, e.g. "ban-chi-dao-ttdn-tw".' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The official Vietnamese name, as written.' })
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
  @Field(() => CommitteeLevel, { description: 'Central (the national committee) or provincial.' })
  level!: CommitteeLevel;

  @Property({ type: 'string', nullable: true })
  @Index()
  provinceCode?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  parentId?: string;

  @Property({ type: 'string', nullable: true })
  standingAgencyId?: string;

  @Property({ type: 'array' })
  memberAgencyIds: string[] = [];

  /** Ids of the knowledge subgraph's source documents that state this record. */
  @Property({ type: 'array' })
  sources: string[] = [];


  /** Central first, then by name without diacritics; unique thanks to the id suffix. */
  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  /** Recomputes the derived fields after the stored ones changed. */
  refresh(): this {
    this.nameForms = NameForm.all(this.nameForms);
    this.searchTokens = searchTokens(this.name, this.nameEn, this.code, ...this.nameForms.map((nameForm) => nameForm.form));
    this.sortKey = `${this.level === CommitteeLevel.CENTRAL ? 0 : 1} ${foldText(this.name)} ${this._id}`;
    return this;
  }
}

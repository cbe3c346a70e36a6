import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { foldText, searchTokens } from '@hub/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CommitteeLevel } from '../enums.js';

/** A steering committee for external information work, central or provincial. */
@Entity({ collection: 'committees' })
@ObjectType({ description: 'A steering committee for external information work (Ban Chỉ đạo Công tác thông tin đối ngoại).' })
@Directive('@key(fields: "id")')
export class Committee {
  /** The natural key: the same slug as `code`, so ids are stable across re-seeding. */
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier (equal to `code`).' })
  get id(): string {
    return this._id;
  }

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

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  /** Central first, then by name without diacritics; unique thanks to the id suffix. */
  @Property({ type: 'string' })
  @Unique()
  sortKey!: string;

  /** Set instead of deleting, so records elsewhere that point here still resolve. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  /** Recomputes the derived fields after the stored ones changed. */
  refresh(): this {
    this.searchTokens = searchTokens(this.name, this.nameEn, this.code);
    this.sortKey = `${this.level === CommitteeLevel.CENTRAL ? 0 : 1} ${foldText(this.name)} ${this._id}`;
    return this;
  }
}

import { Embedded, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { PartialDate, searchTokens } from '@hub/kit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Region } from '../enums.js';

/** A provincial-level unit (province or centrally-run city), as it stood in the sources' years. */
@Entity({ collection: 'provinces' })
@ObjectType({ description: 'A province or centrally-run city (tỉnh, thành phố trực thuộc Trung ương).' })
@Directive('@key(fields: "code")')
export class Province {
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Property({ type: 'string' })
  @Unique()
  @Field(() => String, { description: 'Stable ASCII slug, e.g. "thua-thien-hue".' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The Vietnamese name, e.g. "Thừa Thiên Huế".' })
  name!: string;

  @Property({ type: 'string' })
  @Index()
  @Field(() => Region, { description: 'The region (miền) the province belongs to.' })
  region!: Region;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'When the unit came into being, where known.' })
  validFrom?: PartialDate;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'When the unit ceased to exist (e.g. merged in 2025), where known.' })
  validUntil?: PartialDate;

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  refresh(): this {
    this.searchTokens = searchTokens(this.name, this.code);
    return this;
  }
}

import { Field, InputType } from 'type-graphql';
import { CommitteeLevel, Region } from '../enums.js';

@InputType({ description: 'Narrows a list of committees; all given conditions must hold.' })
export class CommitteeFilter {
  @Field(() => CommitteeLevel, { nullable: true, description: 'Committees at this level: the central one or the provincial ones.' })
  level?: CommitteeLevel;

  @Field(() => Region, { nullable: true, description: 'Provincial committees of provinces in this region.' })
  region?: Region;

  @Field(() => String, { nullable: true, description: 'The committee of this province (its code).' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the name or its other written forms, in any order, ignoring case and diacritics: "ha noi" finds "Hà Nội"; a "quoted phrase" must appear with its words side by side, in order (`"thanh pho ha noi"`). An unclosed quote is refused.' })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: committees in which the sources name at least one official (a position); false: those with none.' })
  hasNamedOfficials?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: committees that organized or took part in at least one event; false: those that did not.' })
  tookPartInEvents?: boolean;
}

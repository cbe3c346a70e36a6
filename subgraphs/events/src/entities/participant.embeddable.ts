import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { ParticipantRole } from '../enums.js';

/** Who took part in an event and as what; stored inside the event. */
@Embeddable()
@ObjectType({ description: 'Who took part, and as what. A participant may be known only by title (person null).' })
export class Participant {
  @Property({ type: 'string' })
  @Field(() => ParticipantRole, { description: 'What they did at the event: chaired, spoke, reported or attended.' })
  role!: ParticipantRole;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The title as the source writes it, when it gives one.' })
  title?: string;

  @Property({ type: 'string', nullable: true })
  personId?: string;

  @Property({ type: 'string', nullable: true })
  committeeId?: string;

  @Property({ type: 'string', nullable: true })
  agencyId?: string;
}

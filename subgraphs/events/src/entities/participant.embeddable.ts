import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { ParticipantRole } from '../enums.js';

/** Who took part in an event and as what; stored inside the event. */
@Embeddable()
@ObjectType({ description: 'Who took part, and as what. A participant may be known only by title (person null).' })
export class Participant {
  @Property({ type: 'string' })
  @Field(() => ParticipantRole, { description: 'What they did at the event, the first of `roles`: chaired, spoke, reported, gave the concluding remarks or attended.' })
  role!: ParticipantRole;

  /** Every role, in the order the sources show them: one entry per person or body. */
  @Property({ type: 'array' })
  @Field(() => [ParticipantRole], { description: 'Everything they did at the event (a person who chaired and spoke is one participant with both roles).' })
  roles: ParticipantRole[] = [];

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

import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Participant } from '../entities/participant.embeddable.js';
import { AgencyRef, CommitteeRef, PersonRef } from '../references.js';

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => PersonRef, { nullable: true, description: 'The person, when the source names them.' })
  person(@Root() participant: Participant) {
    return participant.personId ? PersonRef.of(participant.personId) : null;
  }

  @FieldResolver(() => CommitteeRef, { nullable: true, description: 'The committee they took part for.' })
  committee(@Root() participant: Participant) {
    return participant.committeeId ? CommitteeRef.of(participant.committeeId) : null;
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The agency they took part for.' })
  agency(@Root() participant: Participant) {
    return participant.agencyId ? AgencyRef.of(participant.agencyId) : null;
  }
}

import { DateBounds, entityReference, PartialDate, type SubgraphDefinition } from '@hub/kit';
import { Event } from './entities/event.entity.js';
import { Participant } from './entities/participant.embeddable.js';
import { Period } from './entities/period.embeddable.js';
import { AgencyRef, CommitteeRef, ConclusionRef, PersonRef, ProvinceRef, SourceDocumentRef, StrategyRef } from './references.js';
import { listedEventsResolver, pagedEventsResolver, participationsResolver, stubReference } from './resolvers/contributed-events.js';
import { EventMutations } from './resolvers/event.mutations.js';
import { EventResolver } from './resolvers/event.resolver.js';
import { ParticipantResolver } from './resolvers/participant.resolver.js';
import { StatisticsResolver } from './resolvers/statistics.resolver.js';

/** Conferences, briefings and reviews, with their participants and tasks. */
export const events: SubgraphDefinition = {
  name: 'events',
  defaultPort: 4002,
  entities: [Event, Participant, Period, DateBounds, PartialDate],
  resolvers: [
    EventResolver,
    EventMutations,
    ParticipantResolver,
    StatisticsResolver,
    pagedEventsResolver(CommitteeRef, 'committeeIds', 'Events this committee organized or took part in, newest first.'),
    pagedEventsResolver(AgencyRef, 'agencyIds', 'Events this agency took part in, newest first.'),
    pagedEventsResolver(PersonRef, 'personIds', 'Events this person took part in, newest first.'),
    participationsResolver(PersonRef, 'personIds', 'Every event this person took part in, newest first, with all their roles there (from the events subgraph).'),
    participationsResolver(CommitteeRef, 'committeeIds', 'Every event this committee took part in (beyond organizing), newest first: one entry for the committee itself and one per person who took part for it, each with its roles and title there (from the events subgraph).'),
    participationsResolver(AgencyRef, 'agencyIds', 'Every event this agency took part in, newest first: one entry for the agency itself and one per person who took part for it, each with its roles and title there (from the events subgraph).'),
    listedEventsResolver(ConclusionRef, 'conclusionIds', 'Events that studied or implemented this conclusion, newest first.'),
    listedEventsResolver(StrategyRef, 'strategyIds', 'Events that reviewed or implemented this strategy, newest first.'),
    listedEventsResolver(SourceDocumentRef, 'sources', 'Events this document reports, newest first.'),
  ],
  orphanedTypes: [ProvinceRef],
  references: {
    Event: entityReference(Event),
    Committee: stubReference(CommitteeRef),
    Agency: stubReference(AgencyRef),
    Person: stubReference(PersonRef),
    Conclusion: stubReference(ConclusionRef),
    Strategy: stubReference(StrategyRef),
    SourceDocument: stubReference(SourceDocumentRef),
  },
};

import { DateBounds, entityReference, PartialDate, type SubgraphDefinition } from '@hub/kit';
import { Agency } from './entities/agency.entity.js';
import { Committee } from './entities/committee.entity.js';
import { Person } from './entities/person.entity.js';
import { Position } from './entities/position.entity.js';
import { Province } from './entities/province.entity.js';
import { SourceDocumentRef } from './references.js';
import { AgencyMutations } from './resolvers/agency.mutations.js';
import { AgencyResolver } from './resolvers/agency.resolver.js';
import { CommitteeMutations } from './resolvers/committee.mutations.js';
import { CommitteeResolver } from './resolvers/committee.resolver.js';
import { PersonMutations } from './resolvers/person.mutations.js';
import { PersonResolver } from './resolvers/person.resolver.js';
import { PositionMutations } from './resolvers/position.mutations.js';
import { PositionResolver } from './resolvers/position.resolver.js';
import { ProvinceResolver } from './resolvers/province.resolver.js';
import { CommitteeStatisticsResolver } from './resolvers/statistics.resolver.js';

/** Committees, member agencies, people and their positions, provinces. */
export const organization: SubgraphDefinition = {
  name: 'organization',
  defaultPort: 4001,
  entities: [Committee, Agency, Person, Position, Province, PartialDate, DateBounds],
  resolvers: [
    CommitteeResolver,
    AgencyResolver,
    PersonResolver,
    PositionResolver,
    ProvinceResolver,
    CommitteeMutations,
    AgencyMutations,
    PersonMutations,
    PositionMutations,
    CommitteeStatisticsResolver,
  ],
  orphanedTypes: [SourceDocumentRef],
  references: {
    Committee: entityReference(Committee),
    Agency: entityReference(Agency),
    Person: entityReference(Person),
    Province: entityReference(Province, 'code'),
  },
};

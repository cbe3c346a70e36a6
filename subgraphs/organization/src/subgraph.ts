import { PartialDate, type SubgraphDefinition } from '@hub/kit';
import { Committee } from './entities/committee.entity.js';
import { Province } from './entities/province.entity.js';
import { SourceDocument } from './references/source-document.ref.js';
import { committeeReference } from './resolvers/committee.reference.js';
import { CommitteeResolver } from './resolvers/committee.resolver.js';
import { provinceReference } from './resolvers/province.reference.js';
import { ProvinceResolver } from './resolvers/province.resolver.js';

/** Committees, member agencies, people and their positions, provinces. */
export const organization: SubgraphDefinition = {
  name: 'organization',
  defaultPort: 4001,
  entities: [Committee, Province, PartialDate],
  resolvers: [CommitteeResolver, ProvinceResolver],
  orphanedTypes: [SourceDocument],
  references: { Committee: committeeReference, Province: provinceReference },
};

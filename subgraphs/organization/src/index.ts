export { organization } from './subgraph.js';
export { Committee } from './entities/committee.entity.js';
export { Province } from './entities/province.entity.js';
export { Agency } from './entities/agency.entity.js';
export { Person } from './entities/person.entity.js';
export { Position } from './entities/position.entity.js';
export { AgencyKind, CommitteeLevel, PositionRole, Region } from './enums.js';

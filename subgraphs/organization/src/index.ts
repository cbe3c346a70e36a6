export { organization } from './subgraph.js';
export { Committee } from './entities/committee.entity.js';
export { Province } from './entities/province.entity.js';
export { CommitteeLevel, Region } from './enums.js';

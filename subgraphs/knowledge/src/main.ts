import { runSubgraph } from '@hub/kit';
import { knowledge } from './subgraph.js';

runSubgraph(knowledge);

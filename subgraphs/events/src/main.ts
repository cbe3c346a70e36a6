import { runSubgraph } from '@hub/kit';
import { events } from './subgraph.js';

runSubgraph(events);

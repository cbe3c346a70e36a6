import { runSubgraph } from '@hub/kit';
import { organization } from './subgraph.js';

runSubgraph(organization);

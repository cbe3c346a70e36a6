import { printSubgraphSdl } from '@hub/kit';
import { events } from './subgraph.js';

process.stdout.write(await printSubgraphSdl(events));

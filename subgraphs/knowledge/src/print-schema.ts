import { printSubgraphSdl } from '@hub/kit';
import { knowledge } from './subgraph.js';

process.stdout.write(await printSubgraphSdl(knowledge));

import { printSubgraphSdl } from '@hub/kit';
import { organization } from './subgraph.js';

process.stdout.write(await printSubgraphSdl(organization));

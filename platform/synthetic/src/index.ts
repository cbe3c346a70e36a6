export { datasetSizes, syntheticDataset, SYNTHETIC_SOURCE, type SubgraphName, type SyntheticCollection } from './dataset.js';
export { generateDataset, GenerateRefusal, GENERATOR_VERSION, type GenerateOptions, type GenerateResult, type Targets } from './generate.js';
export { openTargets, targetSpec, type OpenTargets } from './targets.js';
export { Random, streamFor } from './random.js';

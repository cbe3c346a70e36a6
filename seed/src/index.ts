export { applySeed, type SeedOptions, type SeedTargets } from './apply.js';
export { validateFacts, SeedError, positionKey } from './validate.js';
export { facts, FACT_FILES, type Facts } from './facts/index.js';
export { SEED_PLAN } from './records.js';

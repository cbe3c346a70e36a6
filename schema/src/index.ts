export * from './subgraphs.js';
export * from './compose.js';
export * from './api-schema.js';
export * from './check.js';

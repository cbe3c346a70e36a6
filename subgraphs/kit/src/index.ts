import 'reflect-metadata';

export * from './config.js';
export * from './context.js';
export * from './errors.js';
export * from './loaders.js';
export * from './orm.js';
export * from './paging.js';
export * from './schema.js';
export * from './search.js';
export * from './seed.js';
export * from './server.js';
export * from './start.js';
export * from './subgraph.js';
export * from './types/connection.js';
export * from './types/page-info.js';
export * from './types/partial-date.js';
export * from './types/reference.js';

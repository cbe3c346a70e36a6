export * from './config.js';
export * from './log.js';
export * from './signature.js';
export * from './identity.js';
export * from './graphql-http.js';
export * from './process.js';
export * from './subgraph-urls.js';
export * from './request-log.js';

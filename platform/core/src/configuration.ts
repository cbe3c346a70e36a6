/**
 * The light part of @hub/core, as `@hub/core/config`: typed configuration, the shared variables
 * and the scopes, without the HTTP server, logs and metrics (which load Apollo Server, pino and
 * prom-client), for commands that must start at once, such as `npm run token`.
 */
export * from './config.js';
export * from './hub-variables.js';
export * from './identity.js';

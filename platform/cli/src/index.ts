export * from './cli.js';
export * from './hub-client.js';
export { GROUPS } from './groups.js';

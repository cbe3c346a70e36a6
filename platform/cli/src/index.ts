export * from './cli.js';
export * from './hub-client.js';
export { GROUPS } from './groups.js';
export { articleFiles, readArticle, type Article } from './commands/article.js';

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// @apollo/subgraph requires graphql's CommonJS build; the tests must load that same file.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: { graphql } },
  test: { include: ['test/**/*.test.ts'] },
});

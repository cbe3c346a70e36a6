import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql for everyone: @apollo/subgraph requires graphql's CommonJS build, so the tests'
// own imports must get the same file (Vite would otherwise pick graphql's ESM build).
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: { graphql } },
  test: { include: ['test/**/*.test.ts'] },
});

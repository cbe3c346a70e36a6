import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Gateways started inside a test file use Apollo's CommonJS graphql; the tests' own imports
// (and the hub's code they load) must get that same file, not graphql's ESM build.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: { graphql } },
  test: {
    include: ['**/*.e2e.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // One hub for the whole run: the store, three subgraphs and the gateway start once.
    globalSetup: ['./harness/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // The first run on a machine builds the embedded store (a minute or two).
    hookTimeout: 600_000,
  },
});

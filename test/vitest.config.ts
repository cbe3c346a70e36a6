import { defineConfig } from 'vitest/config';

export default defineConfig({
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

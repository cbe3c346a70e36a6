import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The first run on a machine builds the store binary (a minute or two).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

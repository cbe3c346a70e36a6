import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The tests start a real embedded store; the first run on a machine builds its binary.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig } from 'vitest/config';

// templates/ holds a partner project's own tests: they run in the scaffolded project, not here.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 300_000 } });

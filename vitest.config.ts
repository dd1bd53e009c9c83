import { defineConfig } from 'vitest/config';

/** One Vitest run for every package; integration tests pick their database from TEST_DATABASE_URL. */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

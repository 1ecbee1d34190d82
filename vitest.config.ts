import { defineConfig } from 'vitest/config';

// Integration tests run on embedded PGlite, and again on real PostgreSQL when TEST_DATABASE_URL
// is set (each test file creates and drops its own database there).
const integration = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `integration-${engine}`,
    include: ['test/integration/**/*.test.ts'],
    env: { TRIANGULATE_TEST_ENGINE: engine },
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'] } },
      integration('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { testNow } from './test/helpers/test-now.js';

// Integration tests run on embedded PGlite, and again on real PostgreSQL when TEST_DATABASE_URL
// is set (each test file creates and drops its own database there). Every test starts the
// application's clock at the same instant (test/helpers/test-now.ts), never at today's date.
const integration = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `integration-${engine}`,
    include: ['test/integration/**/*.test.ts'],
    env: { TRIANGULATE_TEST_ENGINE: engine, TRIANGULATE_NOW: testNow() },
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          env: { TRIANGULATE_NOW: testNow() },
        },
      },
      integration('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});

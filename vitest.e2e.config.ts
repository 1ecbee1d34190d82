import { defineConfig } from 'vitest/config';
import { testNow } from './test/helpers/test-now.js';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    // The first file's set-up seeds the demo that the others copy (test/helpers/e2e-demo-template.ts).
    hookTimeout: 300_000,
    fileParallelism: false,
    // The server under test inherits it: the demo is seeded on the same days on every run.
    env: { TRIANGULATE_NOW: testNow() },
  },
});

import { defineConfig } from 'vitest/config';

// The fault and load suite (npm run test:faults): real server processes on loopback, a private
// PostgreSQL on its own port, restarts and kills. Bounded in time; not part of `npm test`.
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});

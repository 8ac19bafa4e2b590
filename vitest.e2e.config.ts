import { defineConfig } from 'vitest/config';

/** Browser journeys: Debian's Chromium against the real browser edition. Run after `npm run build:ui`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

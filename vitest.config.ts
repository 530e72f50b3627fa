import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Snapshots (test/golden/) are written only by `npm run test:update`; otherwise a missing one fails,
    // locally as in CI (vitest's own default writes missing snapshots outside CI).
    update: process.env['CLU_UPDATE_GOLDEN'] === '1' ? 'all' : 'none',
  },
});

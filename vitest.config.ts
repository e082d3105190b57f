import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,db,server,ui,test,kiosk,display,console,wechat-h5}/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/database-summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only queue for them, and each PGlite suite holds a database in memory.
    maxWorkers: 2,
  },
});

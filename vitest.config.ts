import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    // The CLI tests spawn the built CLI: rebuild it first when stale. One migrated database per run; each test
    // file clones it (see packages/server/test/harness.ts).
    globalSetup: ['scripts/vitest-build-cli.mjs', 'packages/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

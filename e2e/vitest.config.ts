// Browser journeys: a real server per file and one Chromium, so run files one at a time with generous timeouts.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.test.ts'],
    // Each journey spawns the built CLI (`pistudio serve`): rebuild it first when stale.
    globalSetup: ['scripts/vitest-build-cli.mjs'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});

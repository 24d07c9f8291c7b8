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
    // expect.poll waits 1 s by default: too short for a page that refetches while CI runs the Node 24 leg beside the
    // journeys. A condition that never holds still fails, only later.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});

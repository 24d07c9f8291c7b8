import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['packages/server/test/zz-bench/*.test.ts'], pool: 'forks', hookTimeout: 120000, testTimeout: 120000 } });

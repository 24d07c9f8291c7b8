#!/usr/bin/env node
// The API suite = the test files that run against a database through the shared harness
// (packages/server/test/harness.ts), directly or through a test kit they import (one step away). `npm test` runs them again on PostgreSQL; `.ci/node24` runs them on Node 24.
// Run directly, it prints one path per line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USES_HARNESS = /from\s+['"][^'"]*\/harness(\.ts)?['"]/;
const RELATIVE_IMPORT = /from\s+['"](\.{1,2}\/[^'"]+\.ts)['"]/g;

/** Whether `file` imports the harness, or imports a module of ours that does. */
function usesHarness(file) {
  const source = fs.readFileSync(file, 'utf8');
  if (USES_HARNESS.test(source)) return true;
  for (const m of source.matchAll(RELATIVE_IMPORT)) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (fs.existsSync(target) && USES_HARNESS.test(fs.readFileSync(target, 'utf8'))) return true;
  }
  return false;
}

export function apiTestFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts') && usesHarness(full)) {
        found.push(path.relative(root, full));
      }
    }
  };
  for (const pkg of fs.readdirSync(path.join(root, 'packages'))) {
    for (const sub of ['src', 'test']) {
      const dir = path.join(root, 'packages', pkg, sub);
      if (fs.existsSync(dir)) walk(dir);
    }
  }
  return found.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of apiTestFiles()) console.log(file);
}

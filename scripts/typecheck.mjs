#!/usr/bin/env node
// Type-checks every package with its own tsconfig, so each is held to the runtime it runs in (docs/architecture.md):
// core with neither the DOM nor Node's types, web with the DOM only, server and cli with Node's; then tests and
// tooling with the root tsconfig.json. One `tsc` per config, as many at once as there are cores; output is printed
// per config once it finishes, so errors from two configs never interleave. Exit 1 when any config fails.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const configs = [
  'packages/core/tsconfig.json',
  'packages/web/tsconfig.json',
  'packages/server/tsconfig.json',
  'packages/cli/tsconfig.json',
  'tsconfig.json',
];

function check(config) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(tsc, ['-p', config, '--pretty', 'false'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (err) => resolve({ config, code: 127, output: `${tsc}: ${err.message}\n`, ms: 0 }));
    child.on('close', (code) => resolve({ config, code: code ?? 1, output, ms: Date.now() - started }));
  });
}

async function main() {
  const queue = [...configs];
  const results = [];
  const worker = async () => {
    for (let config = queue.shift(); config; config = queue.shift()) {
      const result = await check(config);
      process.stdout.write(result.output);
      console.log(`tsc -p ${config}: ${result.code === 0 ? 'ok' : 'failed'} (${(result.ms / 1000).toFixed(1)} s)`);
      results.push(result);
    }
  };
  const parallel = Math.max(1, Math.min(configs.length, os.availableParallelism()));
  await Promise.all(Array.from({ length: parallel }, worker));
  process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
}

await main();

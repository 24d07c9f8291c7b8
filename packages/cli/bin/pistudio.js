#!/usr/bin/env node
// Runs the built CLI in packages/cli/dist: plain JavaScript, nothing is compiled at start (ADR 0016). `npm install`
// builds it (the root `prepare` script), `npm start` and `npm test` rebuild it when the sources are newer, and
// `npm run build:cli` builds it by hand.
import { existsSync } from 'node:fs';

const built = new URL('../dist/main.js', import.meta.url);

/** One line on stderr and exit 1, like every other failure of `pistudio` (docs/cli.md). */
function fail(line) {
  process.stderr.write(`pistudio: ${line}\n`);
  process.exit(1);
}

if (!existsSync(built)) {
  fail("the CLI is not built (packages/cli/dist is missing): run 'npm run build:cli' (npm install does it too)");
}
let main;
try {
  ({ main } = await import(built.href));
} catch (err) {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  fail(`cannot load the built CLI (${message}): run 'npm install' and 'npm run build:cli'`);
}
process.exitCode = await main(process.argv.slice(2));

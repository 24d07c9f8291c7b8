#!/usr/bin/env node
// `npm start` runs this first: rebuild the SPA only when packages/web/dist is missing or older than its sources,
// so a fresh clone serves the UI and an unchanged tree starts instantly (silently, exit 0).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const inputs = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  // The SPA bundles the core engine (live gate, naming): a change there must rebuild it too.
  path.join(web, '..', 'core', 'src'),
];

/** Newest modification time (ms) under a file or directory; 0 when it does not exist. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isStale() {
  if (!fs.existsSync(builtIndex)) return 'packages/web/dist is missing';
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  const changedAt = Math.max(...inputs.map(newestMtime));
  return changedAt > builtAt ? 'web sources changed since the last build' : null;
}

const reason = isStale();
if (reason) {
  console.log(`Building the web UI (${reason})…`);
  const started = performance.now();
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  } catch (err) {
    console.error(`Web UI build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  console.log(`Web UI built in ${Math.round(performance.now() - started)} ms`);
}

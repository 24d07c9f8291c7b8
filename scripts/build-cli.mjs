#!/usr/bin/env node
// Builds the `pistudio` CLI into packages/cli/dist (ADR 0016): esbuild bundles the CLI and the workspace packages it
// imports (@pi-studio/core, @pi-studio/server: TypeScript sources) into ES modules split at every dynamic import,
// so `pistudio --help` loads one small file and `pistudio gate` no server code. Packages from node_modules stay
// external: PGlite finds its wasm and data files beside its own module, piscina and pino start workers by file.
//
//   node scripts/build-cli.mjs             build (the root `prepare` script: runs on `npm install` and `npm ci`)
//   node scripts/build-cli.mjs --if-stale  build only when packages/cli/dist is missing or older than its sources
//                                          (`npm start`, `npm test`, the Vitest global set-up); silent when fresh
//
// The build is written to a temporary directory and swapped in whole, so a process started during a rebuild loads
// either the old build or the new one, never a mix.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages', 'cli');
export const CLI_DIST = path.join(cli, 'dist');
const STAMP = 'build.json';
const server = path.join(root, 'packages', 'server', 'src');

/** What the bundle is built from: a change to any of these makes the build stale. */
const INPUTS = [
  path.join(cli, 'src'),
  path.join(cli, 'package.json'),
  path.join(root, 'packages', 'core', 'src'),
  path.join(root, 'packages', 'core', 'package.json'),
  server,
  path.join(root, 'packages', 'server', 'package.json'),
  fileURLToPath(import.meta.url),
];

/**
 * Files the bundle reads at run time relative to its own module (`new URL(…, import.meta.url)`,
 * `import.meta.dirname`): copied into dist/ beside the chunks, where the bundled code looks for them.
 */
const ASSETS = [
  { from: path.join(server, 'db', 'migrations'), to: 'migrations' },
  { from: path.join(server, 'http', 'api-docs.init.js'), to: 'api-docs.init.js' },
  { from: path.join(server, 'lib', 'jobs', 'worker.mjs'), to: 'worker.mjs' },
];

/**
 * Every bundled source file that uses `import.meta` for a file lookup, and why that lookup still holds in
 * dist/. A new one fails the build until it is handled (an asset above, or code that knows the built layout).
 */
const IMPORT_META = {
  'packages/server/src/db/migrate.ts': "'./migrations': copied to dist/migrations",
  'packages/server/src/http/api-docs.ts': "'api-docs.init.js': copied; swagger-ui-dist resolves from node_modules",
  'packages/server/src/lib/jobs/pool.ts': "'./worker.mjs' is copied; the registry is the job-registry entry",
  'packages/server/src/config.ts': "'../../web/dist' from packages/cli/dist/ is packages/web/dist, as from src/",
  'packages/server/src/modules/auth/common-passwords.ts': 'createRequire: node_modules resolves from dist/ too',
};

/** Test files do not end up in the bundle: editing one does not make the build stale. */
const isTest = (name) => /\.test\.ts$/.test(name);

/** Newest modification time (ms) under a file or directory; 0 when it does not exist. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return isTest(target) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const sourcesChangedAt = () => Math.max(...INPUTS.map(newestMtime));

/** Why the build must run, or null when dist/ is current. */
export function staleReason() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(CLI_DIST, STAMP), 'utf8'));
  } catch {
    return 'packages/cli/dist is missing';
  }
  if (!fs.existsSync(path.join(CLI_DIST, 'main.js'))) return 'packages/cli/dist is incomplete';
  return sourcesChangedAt() > stamp.sourcesChangedAt ? 'CLI sources changed since the last build' : null;
}

/** Bundles everything of ours; every bare import that is not a workspace package stays an import. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || path.isAbsolute(args.path) || args.path.startsWith('@pi-studio/')) {
        return undefined;
      }
      return { path: args.path, external: true };
    });
  },
};

/** Builds into a fresh directory and swaps it in; returns the build's size in bytes. */
export async function buildCli() {
  // Recorded before bundling: a source saved while the build runs makes the result stale, not current.
  const changedAt = sourcesChangedAt();
  const { build } = await import('esbuild');
  // Beside dist/ in packages/cli/.tmp (gitignored, same file system, so the swap is a rename).
  const tmp = path.join(cli, '.tmp', `dist-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: {
        main: 'packages/cli/src/main.ts',
        // The job pool's workers import this registry (packages/server/src/lib/jobs/pool.ts).
        'job-registry': 'packages/server/src/lib/jobs/registry.ts',
      },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Flat: every chunk sits directly in dist/, so lookups relative to a chunk resolve alike (see IMPORT_META).
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      sourcemap: 'linked',
      legalComments: 'none',
      plugins: [externalPackages],
      metafile: true,
      logLevel: 'warning',
    });
    checkImportMeta(Object.keys(result.metafile.inputs));
    for (const asset of ASSETS) fs.cpSync(asset.from, path.join(tmp, asset.to), { recursive: true });
    fs.writeFileSync(
      path.join(tmp, STAMP),
      `${JSON.stringify({ builtAt: new Date().toISOString(), sourcesChangedAt: changedAt, node: process.version }, null, 2)}\n`,
    );
    swapIn(tmp);
    return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function checkImportMeta(inputs) {
  const unhandled = inputs.filter((input) => {
    if (!input.startsWith('packages/') || input in IMPORT_META) return false;
    return /import\.meta\.(url|dirname|filename)/.test(fs.readFileSync(path.join(root, input), 'utf8'));
  });
  if (unhandled.length > 0) {
    throw new Error(
      `${unhandled.join(', ')} look up files with import.meta: in the bundle that is packages/cli/dist/; handle it in scripts/build-cli.mjs (ASSETS, IMPORT_META)`,
    );
  }
}

/** Renames the new build into place; another build swapping at the same moment makes this one retry. */
function swapIn(tmp) {
  for (let attempt = 0; ; attempt++) {
    const old = path.join(cli, '.tmp', `old-${process.pid}-${attempt}`);
    try {
      fs.renameSync(CLI_DIST, old);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(tmp, CLI_DIST);
      return;
    } catch (err) {
      if (attempt >= 5 || (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST')) throw err;
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
  }
}

/** Builds when stale (or always with `force`); prints one line when it builds. */
export async function ensureCliBuilt({ force = false, log = console.log } = {}) {
  const reason = force ? 'requested' : staleReason();
  if (!reason) return false;
  const started = performance.now();
  const bytes = await buildCli();
  log(
    `pistudio CLI built into packages/cli/dist (${reason}): ${Math.round(bytes / 1024)} KiB in ${Math.round(performance.now() - started)} ms`,
  );
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await ensureCliBuilt({ force: !process.argv.includes('--if-stale') });
  } catch (err) {
    console.error(`CLI build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

#!/usr/bin/env node
// `npm test`: every leg of the suite, one summary line at the end.
//   1. static checks: Biome, TypeScript (each package with its own tsconfig), layering (scripts/check-layers.ts);
//      then the CLI is rebuilt when stale (scripts/build-cli.mjs), since the process tests spawn the built CLI
//   2. unit + API tests on PGlite (Vitest, root config)
//   3. the API suite again on PostgreSQL (when DATABASE_URL is set)
//   4. browser journeys in Chromium (when Chromium is installed)
// A leg that cannot run is skipped with a reason locally and fails under CI=true, so CI never goes green on less.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiTestFiles } from './api-test-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-npm-test-'));

/** Per-leg results; `failed` also counts a leg that broke without failing a test (crash, lint, missing tool). */
const legs = [];

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(text) {
  console.log(`\n━━ ${text} ━━`);
}

// Tests must not pick up a database from the caller's shell: each leg says which one it uses.
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  if (!('TEST_DATABASE_URL' in extra)) delete env.TEST_DATABASE_URL;
  return env;
}

async function staticCheck(name, cmd, args) {
  banner(name);
  const started = Date.now();
  const code = await run(cmd, args);
  legs.push({
    name,
    passed: 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    ms: Date.now() - started,
    note: code ? 'failed' : 'ok',
  });
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function vitestLeg(name, args, env) {
  banner(name);
  const started = Date.now();
  const out = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const code = await run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
    env,
  );
  const r = readReport(out);
  const passed = r?.numPassedTests ?? 0;
  let failed = r?.numFailedTests ?? 0;
  const skipped = (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0);
  let note = code === 0 ? 'ok' : 'failed';
  const failures = failedTestNames(r);
  // A file that fails to import or a crashed worker fails no single test; count the leg itself.
  if (code !== 0 && failed === 0) {
    failed = 1;
    const broken = r?.numFailedTestSuites ?? 0;
    note = !r
      ? `exit ${code}: no report`
      : broken
        ? `exit ${code}: ${broken} test file(s) broke`
        : `exit ${code}: unhandled errors (see above)`;
  }
  legs.push({
    name,
    passed,
    failed,
    skipped,
    ms: Date.now() - started,
    note,
    counted: true,
    failures,
    slowest: slowest(r),
  });
}

/** The five test files that took longest (wall time in their worker), so CI's log says where its time goes. */
function slowest(report) {
  return (report?.testResults ?? [])
    .map((file) => ({ rel: path.relative(root, file.name ?? ''), ms: (file.endTime ?? 0) - (file.startTime ?? 0) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ rel, ms }) => `${rel} ${seconds(ms)}`);
}

/** "file › test name" of every failed test in a Vitest JSON report, so the summary names them (CI shows its tail). */
function failedTestNames(report) {
  const names = [];
  for (const file of report?.testResults ?? []) {
    const rel = path.relative(root, file.name ?? '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) names.push(`${rel} › ${t.fullName ?? t.title}`);
    if (!failedTests.length && file.status === 'failed')
      names.push(`${rel} › (the file broke: ${firstLine(file.message)})`);
  }
  return names;
}

function firstLine(text) {
  return String(text ?? 'no message')
    .split('\n')[0]
    .slice(0, 200);
}

function skipLeg(name, reason) {
  const line = `${name}: skipped (${reason})`;
  if (isCi) {
    console.error(`${line} — not allowed under CI=true`);
    legs.push({ name, passed: 0, failed: 1, skipped: 0, ms: 0, note: `cannot run: ${reason}` });
  } else {
    console.log(line);
    legs.push({ name, passed: 0, failed: 0, skipped: 0, ms: 0, note: `skipped (${reason})` });
  }
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p));
}

async function browserLeg() {
  const name = 'browser journeys';
  const chromium = chromiumPath();
  if (!chromium) return skipLeg(name, 'Chromium not found');
  if (!fs.existsSync(path.join(root, 'e2e', 'vitest.config.ts'))) return skipLeg(name, 'e2e/vitest.config.ts missing');
  banner('build web');
  const started = Date.now();
  const built = await run('npm', ['run', 'build:web', '--silent']);
  if (built !== 0) {
    legs.push({ name, passed: 0, failed: 1, skipped: 0, ms: Date.now() - started, note: 'web build failed' });
    return;
  }
  await vitestLeg(name, ['--config', 'e2e/vitest.config.ts'], cleanEnv({ CHROMIUM_PATH: chromium }));
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main() {
  const started = Date.now();
  await staticCheck('biome', bin('biome'), ['check', '.']);
  await staticCheck('typescript', process.execPath, ['scripts/typecheck.mjs']);
  await staticCheck('layers', process.execPath, ['--import', 'tsx', 'scripts/check-layers.ts']);
  // The CLI and server process tests spawn the built CLI (packages/cli/dist): rebuild it when the sources changed.
  await staticCheck('cli build', process.execPath, ['scripts/build-cli.mjs', '--if-stale']);
  await vitestLeg('pglite', [], cleanEnv());

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const files = apiTestFiles();
    // An empty filter would make Vitest run everything; no API test file at all is a broken suite anyway.
    if (files.length) await vitestLeg('postgres', files, cleanEnv({ TEST_DATABASE_URL: databaseUrl }));
    else
      legs.push({ name: 'postgres', passed: 0, failed: 1, skipped: 0, ms: 0, note: 'no test file uses the harness' });
  } else {
    skipLeg('postgres leg', 'DATABASE_URL not set');
  }

  await browserLeg();

  banner(`summary (${seconds(Date.now() - started)})`);
  for (const l of legs) {
    const counts = l.counted ? `: ${l.passed} passed, ${l.failed} failed, ${l.skipped} skipped` : '';
    console.log(`${`${l.name}:`.padEnd(18)} ${l.note}${counts}${l.ms ? ` (${seconds(l.ms)})` : ''}`);
    for (const f of (l.failures ?? []).slice(0, 20)) console.log(`  ✗ ${f}`);
    if (l.slowest?.length) console.log(`  slowest: ${l.slowest.join(' · ')}`);
  }
  const sum = (k) => legs.reduce((n, l) => n + l[k], 0);
  const skipped = sum('skipped');
  console.log(`${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  fs.rmSync(reportDir, { recursive: true, force: true });
  process.exitCode = sum('failed') > 0 ? 1 : 0;
}

await main();

// `npm run bench`: every benchmark in one run; the figures are written into docs/benchmarks.md.
import fs from 'node:fs';
import pg from 'pg';
import { helloLeg, type LegResult, pgliteLeg, postgresLeg } from './api.ts';
import { writeSection } from './docs-section.ts';
import { publicGateSection, runPublicGateBench } from './gate/public.ts';
import { runGateBench } from './gate/run.ts';
import { describeMix, type SoakMix, soakPglite, soakPostgres, soakTable } from './soak.ts';

const quick = process.argv.includes('--quick');
const seconds = quick ? 3 : 10;
const pgUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function apiTable(hello: Awaited<ReturnType<typeof helloLeg>>, legs: LegResult[]): string {
  const rows = [`| database | endpoint | req/s | p50 ms | p99 ms | errors |`, `|---|---|---:|---:|---:|---:|`];
  rows.push(
    `| — | ${hello.name} | ${hello.reqPerSec} | ${hello.p50} | ${hello.p99} | ${hello.errors + hello.non2xx} |`,
  );
  for (const leg of legs) {
    for (const l of leg.loads)
      rows.push(`| ${leg.database} | ${l.name} | ${l.reqPerSec} | ${l.p50} | ${l.p99} | ${l.errors + l.non2xx} |`);
  }
  rows.push(
    '',
    '| database | search p50 ms (sequential) | search p95 ms | empty dir → ready ms | restart → ready ms |',
    '|---|---:|---:|---:|---:|',
  );
  for (const leg of legs)
    rows.push(
      `| ${leg.database} | ${leg.searchP50} | ${leg.searchP95} | ${leg.startEmptyMs ?? '—'} | ${leg.restartMs} |`,
    );
  return rows.join('\n');
}

const stamp = `Measured ${new Date().toISOString().slice(0, 16)}Z on ${process.platform}/${process.arch}, Node ${process.version}${quick ? ' (quick run)' : ''}.`;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

if (!only || only === 'api') {
  const hello = await helloLeg(seconds);
  const legs = [await pgliteLeg(seconds)];
  if (await postgresReachable(pgUrl)) legs.push(await postgresLeg(pgUrl, seconds));
  else console.log(`postgres leg: skipped (${pgUrl} not reachable)`);
  const table = apiTable(hello, legs);
  console.log(table);
  writeSection('api', `${stamp} ${seconds} s per load at 20 connections.\n\n${table}`);
}

if (!only || only === 'gate') {
  const g = await runGateBench(quick ? 200 : 1000);
  const table = [
    '| documents | words | gate ms | markdownlint ms | gate ÷ markdownlint | per doc p50 ms | per doc p95 ms | ms per 3,000 words |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${g.docs} | ${g.words} | ${g.gateMs} | ${g.markdownlintMs ?? g.markdownlintError} | ${g.ratio ?? '—'} | ${g.perDocP50Ms} | ${g.perDocP95Ms} | ${g.msPer3000Words} |`,
  ].join('\n');
  console.log(table);
  writeSection(
    'gate',
    `${stamp} All 14 criteria of rubric v2; markdownlint library API, default rules, same files, same run.\n\n${table}`,
  );
}

// The gate on public documents (issue #11): only where their texts have been fetched into bench/.corpus/public.
if (!only || only === 'gate-public') {
  const result = runPublicGateBench();
  if (!result) console.log('gate-public: skipped (no texts in bench/.corpus/public; see docs/gate.md)');
  else {
    const section = publicGateSection(result);
    console.log(section);
    writeSection('gate-public', `${stamp}\n\n${section}`);
  }
}

const browserBench = new URL('./gate/browser.ts', import.meta.url);
if ((!only || only === 'gate-browser') && fs.existsSync(browserBench)) {
  const mod = (await import(browserBench.href)) as { runBrowserBench?: () => Promise<unknown> };
  await mod.runBrowserBench?.();
}

// Requirement extraction beside the gate (issue #12).
if (!only || only === 'stories') {
  const { runStoriesBench, storiesSection } = await import('./stories.ts');
  const section = storiesSection(runStoriesBench({ quick }), stamp);
  console.log(section);
  writeSection('stories', section);
}

// The backlog through the API (issue #12): story pages, matrix and drift, Jira import, on PGlite and PostgreSQL.
// `--backlog-rounds=N` (default 2) repeats each measurement; `--backlog-db=pglite|postgres` runs one database.
// Chat-export intake (issue #13): in-process, then the import through the server (PGlite; PostgreSQL when reachable).
if (!only || only === 'intake') {
  const { runIntakeBench, intakeSection, whatsappExport, IMPORT_RATIO_GOAL } = await import('./intake.ts');
  const { runServerIntakeBench, serverIntakeSection } = await import('./intake/server.ts');
  const inProcess = intakeSection(runIntakeBench({ quick }), stamp);
  console.log(inProcess);
  const withPostgres = await postgresReachable(pgUrl);
  if (!withPostgres) console.log('intake postgres leg: skipped (database not reachable)');
  const server = await runServerIntakeBench({
    quick,
    pgUrl: withPostgres ? pgUrl : null,
    text: whatsappExport(100_000),
  });
  const section = `${inProcess}\n\n${serverIntakeSection(server, IMPORT_RATIO_GOAL)}`;
  console.log(section);
  writeSection('intake', section);
}

if (!only || only === 'backlog') {
  const { runBacklogBench, backlogSection } = await import('./backlog.ts');
  const withPostgres = await postgresReachable(pgUrl);
  const safeUrl = pgUrl.replace(/\/\/[^@/]*@/, '//');
  const pgNote = withPostgres
    ? `PostgreSQL: a fresh database on ${safeUrl.replace(/\/[^/]*$/, '')}, dropped afterwards.`
    : `PostgreSQL leg skipped (${safeUrl} not reachable).`;
  if (!withPostgres) console.log(`backlog postgres leg: skipped (${safeUrl} not reachable)`);
  const db = process.argv.find((a) => a.startsWith('--backlog-db='))?.slice(13) as 'pglite' | 'postgres' | undefined;
  const result = await runBacklogBench({
    quick,
    rounds: Number(process.argv.find((a) => a.startsWith('--backlog-rounds='))?.slice(17) ?? 2),
    pgUrl: withPostgres ? pgUrl : null,
    only: db,
  });
  const section = backlogSection(result, stamp, pgNote);
  console.log(section);
  writeSection('backlog', section);
}

// Pack validation (issue #14): a 100-page pack, in-process; the package export through the server.
if (!only || only === 'handover') {
  const { runPackBench, packSection } = await import('./handover/validate.ts');
  const { runExportBench, exportSection } = await import('./handover/export.ts');
  const section = `${packSection(runPackBench(quick ? 20 : 60), stamp)}\n\n${exportSection(await runExportBench(quick ? 3 : 5))}`;
  console.log(section);
  writeSection('handover', section);
}

// Adoption event ingest through the server (issue #15): PostgreSQL when reachable, then PGlite.
if (!only || only === 'adoption') {
  const { runIngestBench, ingestSection } = await import('./adoption.ts');
  const pg = (await postgresReachable(pgUrl)) ? pgUrl : null;
  const section = ingestSection(await runIngestBench(pg, quick ? 3 : 10), stamp);
  console.log(section);
  writeSection('adoption', section);
}

// The CLI as whole processes (issue #11): `pistudio --help`, and the gate against markdownlint over 1,000 PRDs.
if (!only || only === 'cli') {
  const { runCliBench, cliSection } = await import('./cli.ts');
  const section = cliSection(await runCliBench({ quick }), stamp);
  console.log(section);
  writeSection('cli', section);
}

// Soak (minutes per database; not in CI): `--soak-seconds=N` shortens or lengthens it, `--quick` makes it 20 s;
// `--soak-mix=studio,write-heavy` runs each mix named (default: studio).
if (!only || only === 'soak') {
  const soakSeconds = Number(
    process.argv.find((a) => a.startsWith('--soak-seconds='))?.slice(15) ?? (quick ? 20 : 600),
  );
  const mixes = (process.argv.find((a) => a.startsWith('--soak-mix='))?.slice(11) ?? 'studio').split(',') as SoakMix[];
  const rate = 300;
  const withPostgres = await postgresReachable(pgUrl);
  if (!withPostgres) console.log(`soak postgres leg: skipped (${pgUrl} not reachable)`);
  // `--soak-connections=N` (default 20): enough connections that the offered rate does not depend on the slowest answers.
  const connections = Number(process.argv.find((a) => a.startsWith('--soak-connections='))?.slice(19) ?? 20);
  const results = [];
  for (const mix of mixes) {
    const run = { seconds: soakSeconds, rate, mix, connections };
    results.push(await soakPglite(run));
    if (withPostgres) results.push(await soakPostgres(pgUrl, run));
  }
  const table = soakTable(results);
  console.log(table);
  const described = mixes.map((m) => `${m}: ${describeMix(m)}`).join('; ');
  writeSection(
    'soak',
    `${stamp} One server process per database, ${connections} connections at a fixed ${rate} req/s overall over 200 products. Mixes — ${described}. RSS of the server process after warm-up (a tenth of the run), half-way and at the end.\n\n${table}`,
  );
}

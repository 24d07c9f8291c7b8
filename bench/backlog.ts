// The backlog's figures (issue #12), through the real server over HTTP (`pistudio serve` in a child process, as
// bench/api.ts), on PGlite and on PostgreSQL: a page of a 10,000-story backlog (p95 < 50 ms), the coverage matrix
// and drift of 500 requirements × 5,000 stories (< 200 ms; the pure core functions alone for reference), and a
// 10,000-row Jira CSV import, dry run and real (< 5 s each). The data is seeded straight into the database
// (bench/backlog/seed.ts); only the requests are timed. Every measurement runs in `rounds` rounds (default 2) on
// the same server and the better round is reported, beside all rounds: the machine is shared.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { parseCsv, writeCsv } from '../packages/core/src/exchange/csv.ts';
import { storiesToJiraCsv } from '../packages/core/src/exchange/jira-csv.ts';
import type { ExchangeItem } from '../packages/core/src/exchange/types.ts';
import { extractRequirements } from '../packages/core/src/stories/requirements.ts';
import { type DriftInput, detectDrift } from '../packages/core/src/trace/drift.ts';
import type { TraceLink } from '../packages/core/src/trace/graph.ts';
import { coverageMatrix, matrixCsv } from '../packages/core/src/trace/matrix.ts';
import { bootstrap } from '../packages/server/src/bootstrap/index.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openConfigured } from '../packages/server/src/main.ts';
import { createDeps } from '../packages/server/src/use-case/deps.ts';
import { login, type Session, withBenchDatabase } from './api.ts';
import {
  changeSeeds,
  committed,
  prdBody,
  SPRINT_START,
  STATUSES,
  type Status,
  type StorySeed,
  storySeeds,
} from './backlog/data.ts';
import { type SeededProduct, seedBacklogBench } from './backlog/seed.ts';
import { spawnServer } from './spawn-server.ts';

export const GOALS = { listP95Ms: 50, traceMs: 200, importMs: 5000 };
const SIZES = { list: 10_000, trace: 5_000, import: 10_000 };
const ADMIN = { email: 'bench@pistudio.local', password: 'load-test-password-1' };
const baseEnv = { PISTUDIO_ADMIN_EMAIL: ADMIN.email, PISTUDIO_ADMIN_PASSWORD: ADMIN.password, PISTUDIO_DEMO: '0' };

export type Timing = { name: string; requests: number; p50: number; p95: number; max: number; runsP95: number[] };
export type ImportTiming = { name: string; ms: number; runs: number[]; updates: number };
export type BacklogLeg = {
  database: string;
  list: Timing[];
  trace: Timing[];
  imports: ImportTiming[];
  importBytes: number;
  importRows: number;
};
export type CoreTiming = { name: string; p50: number; p95: number };
export type BacklogBench = { legs: BacklogLeg[]; core: CoreTiming[]; rounds: number; load: [number, number] };

const round2 = (n: number) => Math.round(n * 100) / 100;

function quantiles(times: number[]): { p50: number; p95: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => round2(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), max: round2(s.at(-1) ?? 0) };
}

/** `n` sequential GETs after `warm` unmeasured ones; each answer is checked by `check` (once, on the first). */
async function timeGets(
  url: string,
  s: Session,
  n: number,
  warm: number,
  check: (body: unknown) => void,
): Promise<number[]> {
  const get = async () => {
    const res = await fetch(url, { headers: s.headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
    return text;
  };
  check(JSON.parse(await get()));
  for (let i = 1; i < warm; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await get();
    times.push(performance.now() - t0);
  }
  return times;
}

type Page = { items: { key: string; status: string; requirements: unknown[] }[]; nextCursor: string | null };
const expectPage = (size: number, also?: (p: Page) => boolean) => (body: unknown) => {
  const p = body as Page;
  if (p.items.length !== size || !p.nextCursor || (also && !also(p)))
    throw new Error(`unexpected page: ${p.items.length} items, cursor ${p.nextCursor}`);
};

/** The Jira file: core's Jira export of the product's stories, plus the columns a Jira export carries back (`Issue
 * key`, `Status`) with each story's status as `statusOf` says. */
export function jiraFile(code: string, seeds: readonly StorySeed[], statusOf: (s: StorySeed) => Status): string {
  const items: ExchangeItem[] = seeds.map((s) => ({
    key: s.key,
    type: s.type,
    title: s.title,
    narrative: s.narrative,
    acceptance: s.acceptance,
    priority: s.priority,
    status: s.status,
    product: code,
    requirementIds: s.links,
  }));
  const exported = storiesToJiraCsv(items);
  const jiraName: Record<Status, string> = {
    backlog: 'To Do',
    ready: 'Ready',
    in_progress: 'In Progress',
    done: 'Done',
  };
  // The export's records, in order (core's writer quotes line breaks; read them back with the same parser).
  const records = parseCsv(exported).records.map((r) => r.cells);
  const [header, ...rows] = records;
  if (!header) throw new Error('empty export');
  return writeCsv([
    ['Issue key', 'Status', ...header],
    ...rows.map((cells, i) => {
      const seed = seeds[i] as StorySeed;
      return [`PAY-${seed.number}`, jiraName[statusOf(seed)], ...cells];
    }),
  ]);
}

async function postImport(url: string, s: Session, code: string, file: string, dryRun: boolean) {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/products/${code}/stories/import/jira?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { ...s.headers, 'x-csrf-token': s.csrf, 'content-type': 'text/csv; charset=utf-8' },
    body: file,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`import answered ${res.status}: ${text.slice(0, 300)}`);
  const plan = JSON.parse(text) as { updates: unknown[]; applied: boolean; applicable: boolean };
  if (!plan.applicable || plan.applied === dryRun)
    throw new Error(`import plan not applied as asked: ${text.slice(0, 300)}`);
  return { ms, updates: plan.updates.length };
}

async function measure(
  database: string,
  env: Record<string, string>,
  seeded: { list: SeededProduct; trace: SeededProduct; import: SeededProduct },
  opts: { rounds: number; quick: boolean },
): Promise<BacklogLeg> {
  const server = await spawnServer({ ...baseEnv, ...env });
  const n = opts.quick ? 40 : 200;
  const warm = opts.quick ? 5 : 20;
  const traceN = opts.quick ? 10 : 40;
  try {
    const s = await login(server.url);
    const api = (p: string) => `${server.url}/api/v1${p}`;
    const list = `/products/${seeded.list.code}/stories`;
    const reqs = (await (
      await fetch(api(`/products/${seeded.list.code}/requirements`), { headers: s.headers })
    ).json()) as {
      items: { id: string; key: string }[];
    };
    const fr250 = reqs.items.find((r) => r.key === 'FR-250')?.id;
    if (!fr250) throw new Error('no FR-250 in the list product');
    const listCases: [string, string, (b: unknown) => void][] = [];
    for (const size of [100, 500]) {
      listCases.push(
        [`first page (${size})`, `${list}?limit=${size}`, expectPage(size)],
        [
          `status=ready (${size})`,
          `${list}?status=ready&limit=${size}`,
          expectPage(size, (p) => p.items.every((i) => i.status === 'ready')),
        ],
        [`middle cursor page (${size}, after #5000)`, `${list}?cursor=5000&limit=${size}`, expectPage(size)],
      );
    }
    listCases.push(
      ['type=bug (100)', `${list}?type=bug&limit=100`, expectPage(100)],
      ['sprint=none (100)', `${list}?sprint=none&limit=100`, expectPage(100)],
      // ~30 of the 10,000 stories link FR-250: the whole backlog is walked to fill the page.
      [
        'requirement=FR-250 (100)',
        `${list}?requirement=${fr250}&limit=100`,
        (b) => {
          if ((b as Page).items.length < 10) throw new Error('requirement filter found too little');
        },
      ],
    );
    const trace = `/products/${seeded.trace.code}/trace`;
    const traceCases: [string, string, (b: unknown) => void][] = [
      [
        'matrix (500 × 5,000)',
        `${trace}/matrix`,
        (b) => {
          if ((b as { rows: unknown[] }).rows.length !== 500) throw new Error('matrix rows ≠ 500');
        },
      ],
      [
        'drift (500 × 5,000)',
        `${trace}/drift`,
        (b) => {
          const items = (b as { items: { kind: string }[] }).items;
          if (!items.some((i) => i.kind === 'story-without-requirement')) throw new Error('drift found no orphan');
          if (!items.some((i) => i.kind.startsWith('requirement-')))
            throw new Error('drift found no requirement change');
        },
      ],
    ];

    const listRuns = new Map<string, number[][]>();
    const traceRuns = new Map<string, number[][]>();
    const importRuns = new Map<string, { ms: number; updates: number }[]>();
    const importSeeds = seeded.import.stories;
    let importBytes = 0;
    // The stored statuses move on one step per real import.
    let shift = 0;
    const at = (s: StorySeed, k: number) => STATUSES[(STATUSES.indexOf(s.status) + k) % STATUSES.length] as Status;
    for (let r = 0; r < opts.rounds; r++) {
      for (const [name, p, check] of listCases) {
        const times = await timeGets(api(p), s, n, warm, check);
        listRuns.set(name, [...(listRuns.get(name) ?? []), times]);
        console.log(`backlog ${database} round ${r + 1}: ${name}: p95 ${quantiles(times).p95} ms`);
      }
      for (const [name, p, check] of traceCases) {
        const times = await timeGets(api(p), s, traceN, 3, check);
        traceRuns.set(name, [...(traceRuns.get(name) ?? []), times]);
        console.log(`backlog ${database} round ${r + 1}: ${name}: p50 ${quantiles(times).p50} ms`);
      }
      const file = jiraFile(seeded.import.code, importSeeds, (st) => at(st, shift + 1));
      importBytes = Buffer.byteLength(file);
      for (const dryRun of [true, false]) {
        const name = dryRun ? 'dry run' : 'applied';
        const got = await postImport(server.url, s, seeded.import.code, file, dryRun);
        if (got.updates !== importSeeds.length) throw new Error(`import planned ${got.updates} updates`);
        importRuns.set(name, [...(importRuns.get(name) ?? []), got]);
        console.log(`backlog ${database} round ${r + 1}: import ${name}: ${Math.round(got.ms)} ms`);
      }
      shift++;
    }
    const best = (runs: number[][]): Timing & { name: string } => {
      const qs = runs.map(quantiles);
      const b = qs.reduce((x, y) => (y.p95 < x.p95 ? y : x));
      return { name: '', requests: runs[0]?.length ?? 0, ...b, runsP95: qs.map((q) => q.p95) };
    };
    return {
      database,
      list: [...listRuns].map(([name, runs]) => ({ ...best(runs), name })),
      trace: [...traceRuns].map(([name, runs]) => ({ ...best(runs), name })),
      imports: [...importRuns].map(([name, runs]) => ({
        name,
        ms: Math.round(Math.min(...runs.map((x) => x.ms))),
        runs: runs.map((x) => Math.round(x.ms)),
        updates: runs[0]?.updates ?? 0,
      })),
      importBytes,
      importRows: importSeeds.length,
    };
  } finally {
    await server.stop();
  }
}

async function seedInProcess(env: Record<string, string>) {
  const config = loadConfig({ ...baseEnv, ...env, PISTUDIO_LOG_LEVEL: 'silent' });
  const { handle, unlock } = await openConfigured(config, { followChanges: false });
  try {
    await bootstrap(createDeps(handle, config, pino({ level: 'silent' })));
    const t0 = performance.now();
    const seeded = await seedBacklogBench(handle, SIZES);
    console.log(
      `backlog: seeded ${SIZES.list + SIZES.trace + SIZES.import} stories in ${Math.round(performance.now() - t0)} ms`,
    );
    return seeded;
  } finally {
    await handle.close();
    await unlock();
  }
}

/** The pure core functions over the same shapes as the trace product (no database, no HTTP), for reference. */
export function coreReference(quick: boolean): CoreTiming[] {
  const code = 'FINTX-BTRACE';
  const seeds = storySeeds(code, SIZES.trace);
  const baselineBody = prdBody('1.0');
  const currentBody = prdBody('1.1');
  const baseline = extractRequirements(baselineBody, { product: code });
  const current = extractRequirements(currentBody, { product: code });
  const items = seeds.map((st) => ({ key: st.key, kind: st.type, status: st.status }));
  const links: TraceLink[] = seeds.flatMap((st) =>
    st.links.map((to) => ({
      from: st.key,
      type: st.type === 'bug' ? ('affects' as const) : ('implements' as const),
      to,
    })),
  );
  const reqs = baseline.map((r) => ({ id: r.id, text: r.text, priority: r.priority, removed: false }));
  const changes = changeSeeds(seeds);
  const approved = new Map<string, string[]>();
  for (const c of changes)
    if (c.status === 'approved')
      for (const k of c.storyKeys) approved.set(k, [...(approved.get(k) ?? []), ...c.requirementKeys]);
  const driftInput: DriftInput = {
    baseline: { prdVersion: '1.0', requirements: baseline },
    current: { prdVersion: '1.1', requirements: current },
    stories: seeds.map((st) => ({
      key: st.key,
      createdAt: st.createdAt.toISOString(),
      requirementIds: [...st.links, ...(approved.get(st.key) ?? [])],
      sprintId: st.sprint === null ? null : `sp${st.sprint}`,
    })),
    sprints: Array.from({ length: 10 }, (_, i) => ({
      id: `sp${i}`,
      name: `Sprint ${i + 1}`,
      startedAt: SPRINT_START.toISOString(),
      committedStoryKeys: seeds.filter((st) => st.sprint === i && committed(st)).map((st) => st.key),
    })),
    changeRequests: changes.map((c) => ({
      key: `${code}-CR-${c.number}`,
      status: c.status,
      decidedAt: c.status === 'pending' ? null : new Date(SPRINT_START.getTime() + 24 * 3600_000).toISOString(),
      requirementIds: c.requirementKeys,
    })),
  };
  const runs = quick ? 10 : 40;
  const time = (name: string, f: () => unknown): CoreTiming => {
    for (let i = 0; i < 5; i++) f();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      f();
      times.push(performance.now() - t0);
    }
    const q = quantiles(times);
    return { name, p50: q.p50, p95: q.p95 };
  };
  return [
    time('coverageMatrix (500 × 5,000)', () => coverageMatrix(reqs, items, links)),
    time('coverageMatrix + matrixCsv', () => matrixCsv(coverageMatrix(reqs, items, links))),
    time('detectDrift (500 × 5,000)', () => detectDrift(driftInput)),
    time('extractRequirements (500-requirement PRD; drift reads two)', () =>
      extractRequirements(currentBody, { product: code }),
    ),
  ];
}

export async function runBacklogBench(opts: {
  quick: boolean;
  rounds: number;
  pgUrl: string | null;
  only?: 'pglite' | 'postgres';
}): Promise<BacklogBench> {
  // The server runs from the built CLI (ADR 0016): rebuild it when the sources are newer, or the figures are old code's.
  execFileSync(process.execPath, [new URL('../scripts/build-cli.mjs', import.meta.url).pathname, '--if-stale'], {
    stdio: 'inherit',
  });
  const load0 = os.loadavg()[0] ?? 0;
  const legs: BacklogLeg[] = [];
  if (opts.only !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-backlog-'));
    try {
      const seeded = await seedInProcess({ PISTUDIO_DATA_DIR: dir });
      legs.push(await measure('PGlite', { PISTUDIO_DATA_DIR: dir }, seeded, opts));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (opts.pgUrl && opts.only !== 'pglite') {
    legs.push(
      await withBenchDatabase(opts.pgUrl, async (url) => {
        const seeded = await seedInProcess({ DATABASE_URL: url });
        return measure('PostgreSQL', { DATABASE_URL: url }, seeded, opts);
      }),
    );
  }
  const core = coreReference(opts.quick);
  return { legs, core, rounds: opts.rounds, load: [round2(load0), round2(os.loadavg()[0] ?? 0)] };
}

const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

export function backlogSection(r: BacklogBench, stamp: string, pgNote: string): string {
  const lines = [
    `${stamp} ${os.cpus().length} CPUs shared by the server, the database and the client; load average ${r.load[0]} at the start, ${r.load[1]} at the end. One \`pistudio serve\` per database, sequential requests over HTTP (admin session) after warm-up; each measurement in ${r.rounds} rounds on the same server, the better round reported (p95 of every round beside it). ${pgNote} Goals (issue #12): a page of a 10,000-story backlog p95 < ${GOALS.listP95Ms} ms; matrix and drift of 500 requirements × 5,000 stories < ${GOALS.traceMs} ms (p95 here); a 10,000-row Jira CSV import < ${GOALS.importMs / 1000} s, dry run and real.`,
    '',
    '| database | request | requests | p50 ms | p95 ms | max ms | p95 per round | goal | met |',
    '|---|---|---:|---:|---:|---:|---|---|:---:|',
  ];
  for (const leg of r.legs) {
    for (const t of leg.list)
      lines.push(
        `| ${leg.database} | stories, ${t.name} | ${t.requests} | ${t.p50} | ${t.p95} | ${t.max} | ${t.runsP95.join(', ')} | p95 < ${GOALS.listP95Ms} | ${yes(t.p95 < GOALS.listP95Ms)} |`,
      );
    for (const t of leg.trace)
      lines.push(
        `| ${leg.database} | ${t.name} | ${t.requests} | ${t.p50} | ${t.p95} | ${t.max} | ${t.runsP95.join(', ')} | < ${GOALS.traceMs} | ${yes(t.p95 < GOALS.traceMs)} |`,
      );
  }
  lines.push(
    '',
    '| database | Jira import, 10,000 rows | file | updates | best ms | ms per round | goal | met |',
    '|---|---|---:|---:|---:|---|---|:---:|',
  );
  for (const leg of r.legs)
    for (const i of leg.imports)
      lines.push(
        `| ${leg.database} | ${i.name} | ${(leg.importBytes / 1024 / 1024).toFixed(1)} MB, ${leg.importRows} rows | ${i.updates} | ${i.ms} | ${i.runs.join(', ')} | < ${GOALS.importMs / 1000} s | ${yes(i.ms < GOALS.importMs)} |`,
      );
  lines.push('', '| core alone, in-process (reference) | p50 ms | p95 ms |', '|---|---:|---:|');
  for (const c of r.core) lines.push(`| ${c.name} | ${c.p50} | ${c.p95} |`);
  return lines.join('\n');
}

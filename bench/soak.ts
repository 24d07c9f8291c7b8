// Soak: a steady mixed load (reads and writes) at a fixed rate for minutes on one server process, to catch what
// short bursts hide — errors under sustained writes, latency creeping up, memory that only grows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { login, seedInProcess, withBenchDatabase } from './api.ts';
import { spawnServer } from './spawn-server.ts';

/**
 * `connections` caps what a closed-loop generator can offer: each connection waits for its answer, so 20 connections
 * at 300 req/s fall behind whenever a request takes longer than 20 / 300 s = 66 ms.
 */
export type SoakRun = { seconds: number; rate: number; mix: SoakMix; connections: number };

export type SoakResult = {
  database: string;
  mix: SoakMix;
  seconds: number;
  rate: number;
  requests: number;
  writes: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  rssStartMb: number;
  /** RSS half-way through: growth that stops by then is caches filling, growth after it would be a leak. */
  rssHalfMb: number;
  rssEndMb: number;
  rssGrowthPct: number;
  rssSecondHalfGrowthPct: number;
};

const ADMIN_ENV = { PISTUDIO_ADMIN_EMAIL: 'bench@pistudio.local', PISTUDIO_ADMIN_PASSWORD: 'load-test-password-1' };

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

export type SoakMix = 'studio' | 'write-heavy';

/**
 * What one cycle of requests holds. `studio` is how a studio uses PI Studio — reads outnumber saves about ten to one
 * (ADR 0012): per 20 requests 2 product saves, 1 search, 5 list pages, 12 product details. `write-heavy` is the
 * stress mix the first soak used (per 10: 3 saves, 1 search, 2 lists, 4 details); it finds where a database saturates.
 */
const MIXES: Record<SoakMix, { writes: number; search: number; lists: number; details: number }> = {
  studio: { writes: 2, search: 1, lists: 5, details: 12 },
  'write-heavy': { writes: 3, search: 1, lists: 2, details: 4 },
};

export function describeMix(mix: SoakMix): string {
  const m = MIXES[mix];
  const total = m.writes + m.search + m.lists + m.details;
  const pct = (n: number) => `${Math.round((n / total) * 100)} %`;
  return `${pct(m.writes)} product renames (PATCH), ${pct(m.search)} search, ${pct(m.lists)} product list pages, ${pct(m.details)} product detail`;
}

function mixedRequests(codes: string[], csrf: string, mix: SoakMix) {
  const m = MIXES[mix];
  const cycle = m.writes + m.search + m.lists + m.details;
  let n = 0;
  let writes = 0;
  const setupRequest = (req: autocannon.Request): autocannon.Request => {
    const i = n++;
    const code = codes[i % codes.length] ?? '';
    const slot = i % cycle;
    if (slot < m.writes) {
      writes++;
      return {
        ...req,
        method: 'PATCH',
        path: `/api/v1/products/${code}`,
        headers: { ...req.headers, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name: `Soak product ${i}` }),
      };
    }
    const path =
      slot < m.writes + m.search
        ? '/api/v1/search?q=settlement%20merchant'
        : slot < m.writes + m.search + m.lists
          ? i % 2
            ? '/api/v1/products?limit=50'
            : '/api/v1/products?limit=50&subsidiary=FINTX'
          : `/api/v1/products/${code}`;
    return { ...req, method: 'GET', path, body: undefined };
  };
  return { setupRequest, writes: () => writes };
}

async function soakServer(database: string, env: Record<string, string>, run: SoakRun) {
  const { seconds, rate, mix, connections } = run;
  const codes = (await seedInProcess(env)).slice(0, 200);
  const server = await spawnServer({ ...ADMIN_ENV, ...env });
  const pid = server.child.pid ?? 0;
  try {
    const session = await login(server.url);
    const requests = mixedRequests(codes, session.csrf, mix);
    // RSS is taken once the caches and the JIT have warmed up (a tenth of the run, at least 10 s), half-way through
    // and at the end: the database's buffer cache keeps filling for minutes, a leak keeps growing after that.
    const warm = Math.max(10, Math.round(seconds / 10));
    let rssStart = 0;
    let rssHalf = 0;
    const timers = [
      setTimeout(() => {
        rssStart = rssMb(pid);
      }, warm * 1000),
      setTimeout(
        () => {
          rssHalf = rssMb(pid);
        },
        (seconds / 2) * 1000,
      ),
    ];
    const r = await autocannon({
      url: server.url,
      connections,
      overallRate: rate,
      duration: seconds,
      headers: session.headers,
      requests: [{ setupRequest: requests.setupRequest }],
    });
    for (const t of timers) clearTimeout(t);
    const rssEnd = rssMb(pid);
    const growth = (from: number) => (from ? Math.round(((rssEnd - from) / from) * 1000) / 10 : 0);
    return {
      database,
      seconds,
      rate,
      mix,
      requests: r.requests.total,
      writes: requests.writes(),
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      p50: r.latency.p50,
      p99: r.latency.p99,
      rssStartMb: rssStart,
      rssHalfMb: rssHalf,
      rssEndMb: rssEnd,
      rssGrowthPct: growth(rssStart),
      rssSecondHalfGrowthPct: growth(rssHalf),
    } satisfies SoakResult;
  } finally {
    await server.stop();
  }
}

export async function soakPglite(run: SoakRun): Promise<SoakResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-soak-'));
  try {
    return await soakServer('PGlite', { PISTUDIO_DATA_DIR: dir }, run);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function soakPostgres(adminUrl: string, run: SoakRun): Promise<SoakResult> {
  return withBenchDatabase(adminUrl, (url) => soakServer('PostgreSQL', { DATABASE_URL: url }, run));
}

export function soakTable(results: SoakResult[]): string {
  const rows = [
    '| database | mix | minutes | target req/s | achieved req/s | requests | writes | errors | non-2xx | p50 ms | p99 ms | RSS after warm-up MB | RSS half-way MB | RSS at end MB | RSS growth | growth in 2nd half |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results)
    rows.push(
      `| ${r.database} | ${r.mix} | ${Math.round(r.seconds / 6) / 10} | ${r.rate} | ${Math.round(r.requests / r.seconds)} | ${r.requests} | ${r.writes} | ${r.errors} | ${r.non2xx} | ${r.p50} | ${r.p99} | ${r.rssStartMb} | ${r.rssHalfMb} | ${r.rssEndMb} | ${r.rssGrowthPct} % | ${r.rssSecondHalfGrowthPct} % |`,
    );
  return rows.join('\n');
}

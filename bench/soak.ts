// Soak: a steady mixed load (reads and writes) at a fixed rate for minutes on one server process, to catch what
// short bursts hide — errors under sustained writes, latency creeping up, memory that only grows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { login, seedInProcess, withBenchDatabase } from './api.ts';
import { spawnServer } from './spawn-server.ts';

export type SoakResult = {
  database: string;
  seconds: number;
  rate: number;
  requests: number;
  writes: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  rssStartMb: number;
  rssEndMb: number;
  rssGrowthPct: number;
};

const ADMIN_ENV = { PISTUDIO_ADMIN_EMAIL: 'bench@pistudio.local', PISTUDIO_ADMIN_PASSWORD: 'load-test-password-1' };

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** Every tenth request: 3 writes (product renames), 1 search, 2 list pages, 4 product details (rotating). */
function mixedRequests(codes: string[], csrf: string) {
  let n = 0;
  let writes = 0;
  const setupRequest = (req: autocannon.Request): autocannon.Request => {
    const i = n++;
    const code = codes[i % codes.length] ?? '';
    const slot = i % 10;
    if (slot < 3) {
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
      slot === 3
        ? '/api/v1/search?q=settlement%20merchant'
        : slot < 6
          ? i % 2
            ? '/api/v1/products?limit=50'
            : '/api/v1/products?limit=50&subsidiary=FINTX'
          : `/api/v1/products/${code}`;
    return { ...req, method: 'GET', path, body: undefined };
  };
  return { setupRequest, writes: () => writes };
}

async function soakServer(database: string, env: Record<string, string>, seconds: number, rate: number) {
  const codes = (await seedInProcess(env)).slice(0, 200);
  const server = await spawnServer({ ...ADMIN_ENV, ...env });
  const pid = server.child.pid ?? 0;
  try {
    const session = await login(server.url);
    const mix = mixedRequests(codes, session.csrf);
    // RSS is taken once the caches and the JIT have warmed up (a tenth of the run, at least 10 s), then at the end.
    const warm = Math.max(10, Math.round(seconds / 10));
    let rssStart = 0;
    const warmTimer = setTimeout(() => {
      rssStart = rssMb(pid);
    }, warm * 1000);
    const r = await autocannon({
      url: server.url,
      connections: 20,
      overallRate: rate,
      duration: seconds,
      headers: session.headers,
      requests: [{ setupRequest: mix.setupRequest }],
    });
    clearTimeout(warmTimer);
    const rssEnd = rssMb(pid);
    return {
      database,
      seconds,
      rate,
      requests: r.requests.total,
      writes: mix.writes(),
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      p50: r.latency.p50,
      p99: r.latency.p99,
      rssStartMb: rssStart,
      rssEndMb: rssEnd,
      rssGrowthPct: rssStart ? Math.round(((rssEnd - rssStart) / rssStart) * 1000) / 10 : 0,
    } satisfies SoakResult;
  } finally {
    await server.stop();
  }
}

export async function soakPglite(seconds: number, rate: number): Promise<SoakResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-soak-'));
  try {
    return await soakServer('PGlite', { PISTUDIO_DATA_DIR: dir }, seconds, rate);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function soakPostgres(adminUrl: string, seconds: number, rate: number): Promise<SoakResult> {
  return withBenchDatabase(adminUrl, (url) => soakServer('PostgreSQL', { DATABASE_URL: url }, seconds, rate));
}

export function soakTable(results: SoakResult[]): string {
  const rows = [
    '| database | minutes | target req/s | achieved req/s | requests | writes | errors | non-2xx | p50 ms | p99 ms | RSS after warm-up MB | RSS at end MB | RSS growth |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results)
    rows.push(
      `| ${r.database} | ${Math.round(r.seconds / 6) / 10} | ${r.rate} | ${Math.round(r.requests / r.seconds)} | ${r.requests} | ${r.writes} | ${r.errors} | ${r.non2xx} | ${r.p50} | ${r.p99} | ${r.rssStartMb} | ${r.rssEndMb} | ${r.rssGrowthPct} % |`,
    );
  return rows.join('\n');
}

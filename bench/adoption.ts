// Adoption event ingest through the real server (issue #15, goal: ≥ 20,000 events/s on PostgreSQL): batches of 1,000
// well-formed events (the documented maximum) sent by several clients at once with an `events` token, for a fixed
// time; every answer is checked (all accepted, none rejected), so a failing ingest cannot give a fast figure. The same
// on the embedded database for reference. Run alone: npm run bench -- --only=adoption
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, withBenchDatabase } from './api.ts';
import { BENCH_ENV, seedBenchProduct } from './seed-product.ts';
import { spawnServer } from './spawn-server.ts';

const CODE = 'FINTX-EVENTS';
const BATCH = 1000;
export const INGEST_GOAL = 20_000;

export type IngestResult = {
  database: string;
  events: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  clients: number;
};

const seed = (env: Record<string, string>) =>
  seedBenchProduct(env, { code: CODE, name: 'Events bench', stage: 'live' });

const PLAN = ['payout_requested', 'payout_approved', 'report_exported', 'statement_downloaded'].map((name) => ({
  name,
  description: `Bench event ${name}`,
  owner: 'Bench',
  status: 'live',
  properties: [{ name: 'amount_band', type: 'string', description: 'low, mid or high' }],
}));

function batch(client: number, n: number, at: number): string {
  const events = Array.from({ length: BATCH }, (_, i) => ({
    event_id: `${client}-${n}-${i}`,
    event: PLAN[i % PLAN.length]?.name,
    product: CODE,
    occurred_at: new Date(at - (i % 3600) * 1000).toISOString(),
    user_id: `u-${(client * 7919 + i * 31) % 5000}`,
    properties: { amount_band: ['low', 'mid', 'high'][i % 3] },
    context: { environment: 'production', app_version: '1.4.0' },
  }));
  return JSON.stringify({ events });
}

async function setUp(url: string): Promise<string> {
  const s = await login(url);
  const api = (p: string) => `${url}/api/v1${p}`;
  const headers = { ...s.headers, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
  const plan = await fetch(api(`/products/${CODE}/tracking-plan`), { headers });
  const put = await fetch(api(`/products/${CODE}/tracking-plan`), {
    method: 'PUT',
    headers: { ...headers, 'if-match': plan.headers.get('etag') ?? '"0"' },
    body: JSON.stringify({ events: PLAN }),
  });
  if (!put.ok) throw new Error(`tracking plan: ${put.status} ${await put.text()}`);
  const token = await fetch(api('/tokens'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'ingest bench', scopes: ['events'] }),
  });
  if (!token.ok) throw new Error(`token: ${token.status} ${await token.text()}`);
  return ((await token.json()) as { token: string }).token;
}

async function measure(database: string, url: string, seconds: number, clients: number): Promise<IngestResult> {
  const token = await setUp(url);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const times: number[] = [];
  let events = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < until; n++) {
        const body = batch(client, n, Date.now());
        const start = performance.now();
        const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers, body });
        const answer = (await res.json()) as { accepted?: number; rejected?: unknown[] };
        times.push(performance.now() - start);
        if (res.status !== 200 || answer.accepted !== BATCH || answer.rejected?.length) {
          throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        }
        events += BATCH;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0);
  return {
    database,
    events,
    seconds: Math.round(elapsed * 10) / 10,
    perSecond: Math.round(events / elapsed),
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    clients,
  };
}

async function leg(database: string, env: Record<string, string>, seconds: number, clients: number) {
  await seed(env);
  const server = await spawnServer({ ...BENCH_ENV, ...env });
  try {
    return await measure(database, server.url, seconds, clients);
  } finally {
    await server.stop();
  }
}

export async function runIngestBench(pgUrl: string | null, seconds: number, clients = 4): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  if (pgUrl)
    out.push(await withBenchDatabase(pgUrl, (url) => leg('PostgreSQL', { DATABASE_URL: url }, seconds, clients)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-events-'));
  try {
    out.push(await leg('PGlite', { PISTUDIO_DATA_DIR: dir }, seconds, clients));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function ingestSection(results: IngestResult[], stamp: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${r.clients} × ${BATCH}-event batches | ${r.events} in ${r.seconds} s | ${r.perSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.database === 'PostgreSQL' ? (r.perSecond >= INGEST_GOAL ? 'yes' : '**no**') : '—'} |`,
  );
  return [
    `${stamp} \`POST /api/v1/events\` through the server with an \`events\` token; every answer checked (all ${BATCH} accepted). Goal (issue #15): ≥ ${INGEST_GOAL.toLocaleString('en')} events/s on PostgreSQL.`,
    '',
    '| database | load | events | events/s | batch p50 ms | batch p95 ms | goal met |',
    '|---|---|---:|---:|---:|---:|:---:|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runIngestBench(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    10,
  );
  console.log(ingestSection(results, `Measured ${new Date().toISOString().slice(0, 16)}Z.`));
}

// API benchmark: seed 500 products / 10,000 versions, then load product detail, product list and search
// on PGlite and on PostgreSQL, beside a bare Hono hello-world; also empty-dir start and restart times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { bootstrap } from '../packages/server/src/bootstrap/index.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openConfigured } from '../packages/server/src/main.ts';
import { createDeps } from '../packages/server/src/use-case/deps.ts';
import { type LoadResult, load, sample } from './load.ts';
import { seedBench } from './seed.ts';
import { spawnServer } from './spawn-server.ts';

const ADMIN = { email: 'bench@pistudio.local', password: 'load-test-password-1' };
const baseEnv = { PISTUDIO_ADMIN_EMAIL: ADMIN.email, PISTUDIO_ADMIN_PASSWORD: ADMIN.password, PISTUDIO_DEMO: '0' };

export type LegResult = {
  database: string;
  startEmptyMs?: number;
  restartMs: number;
  loads: LoadResult[];
  searchP95: number;
  searchP50: number;
};

export async function seedInProcess(env: Record<string, string>): Promise<string[]> {
  const config = loadConfig({ ...baseEnv, ...env, PISTUDIO_LOG_LEVEL: 'silent' });
  const { handle, unlock } = await openConfigured(config, { followChanges: false });
  await bootstrap(createDeps(handle, config, pino({ level: 'silent' })));
  const codes = await seedBench(handle);
  await handle.close();
  await unlock();
  return codes;
}

export type Session = { headers: Record<string, string>; csrf: string };

export async function login(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' }, csrf: csrfToken };
}

/** Runs `measure` while another client renames a product every `everyMs` (each save invalidates the read cache). */
async function whileSaving<T>(url: string, s: Session, code: string, everyMs: number, measure: () => Promise<T>) {
  let stop = false;
  let saves = 0;
  const saving = (async () => {
    while (!stop) {
      const res = await fetch(`${url}/api/v1/products/${code}`, {
        method: 'PATCH',
        headers: { ...s.headers, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Bench product saved ${++saves}` }),
      });
      if (!res.ok) throw new Error(`bench save failed: ${res.status} ${await res.text()}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    return await measure();
  } finally {
    stop = true;
    await saving;
  }
}

async function measureLeg(database: string, env: Record<string, string>, codes: string[], seconds: number) {
  const detail = (code: string) => `/api/v1/products/${code}`;
  const hot = detail(codes[2] ?? '');
  const loads: LoadResult[] = [];
  const server = await spawnServer({ ...baseEnv, ...env });
  let restartMs: number;
  let s: { p50: number; p95: number };
  try {
    const session = await login(server.url);
    const at = (p: string) => `${server.url}${p}`;
    loads.push(await load('product detail', at(hot), session.headers, seconds));
    loads.push(
      await load('product detail, 500 products in turn', server.url, session.headers, seconds, codes.map(detail)),
    );
    loads.push(
      await whileSaving(server.url, session, codes[3] ?? '', 100, () =>
        load('product detail, a product saved every 100 ms', at(hot), session.headers, seconds),
      ),
    );
    loads.push(await load('product list (50)', at('/api/v1/products?limit=50'), session.headers, seconds));
    loads.push(await load('search', at('/api/v1/search?q=settlement%20merchant'), session.headers, seconds));
    s = await sample(at('/api/v1/search?q=reconciliation'), session.headers, 200);
    restartMs = Math.round(server.readyMs);
  } finally {
    await server.stop();
  }
  // The same hot reads with the cache switched off: what every miss costs.
  const uncached = await spawnServer({ ...baseEnv, ...env, PISTUDIO_READ_CACHE: '0' });
  try {
    const session = await login(uncached.url);
    const at = (p: string) => `${uncached.url}${p}`;
    const detailOff = await load('product detail, read cache off', at(hot), session.headers, seconds);
    const listOff = await load(
      'product list (50), read cache off',
      at('/api/v1/products?limit=50'),
      session.headers,
      seconds,
    );
    // Each beside its cached figure.
    loads.splice(
      loads.findIndex((l) => l.name === 'product list (50)'),
      0,
      detailOff,
    );
    loads.splice(loads.findIndex((l) => l.name === 'product list (50)') + 1, 0, listOff);
  } finally {
    await uncached.stop();
  }
  return { database, restartMs, loads, searchP95: s.p95, searchP50: s.p50 };
}

export async function pgliteLeg(seconds: number): Promise<LegResult> {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-empty-'));
  const first = await spawnServer({ ...baseEnv, PISTUDIO_DATA_DIR: empty });
  const startEmptyMs = Math.round(first.readyMs);
  await first.stop();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-'));
  const codes = await seedInProcess({ PISTUDIO_DATA_DIR: dir });
  const leg = await measureLeg('PGlite', { PISTUDIO_DATA_DIR: dir }, codes, seconds);
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...leg, startEmptyMs };
}

/** A fresh PostgreSQL database for one bench leg, dropped afterwards. */
export async function withBenchDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `pis_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function postgresLeg(adminUrl: string, seconds: number): Promise<LegResult> {
  return withBenchDatabase(adminUrl, async (url) => {
    const codes = await seedInProcess({ DATABASE_URL: url });
    return measureLeg('PostgreSQL', { DATABASE_URL: url }, codes, seconds);
  });
}

export async function helloLeg(seconds: number): Promise<LoadResult> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./hello.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /(http:\/\/\S+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
  });
  try {
    return await load('Hono hello-world (ceiling)', url, {}, seconds);
  } finally {
    child.kill('SIGTERM');
  }
}

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
import { type LoadResult, load, sample } from './load.ts';
import { seedBench } from './seed.ts';
import { spawnServer } from './spawn-server.ts';

const ADMIN = { email: 'bench@pistudio.local', password: 'bench-password-1' };
const baseEnv = { PISTUDIO_ADMIN_EMAIL: ADMIN.email, PISTUDIO_ADMIN_PASSWORD: ADMIN.password, PISTUDIO_DEMO: '0' };

export type LegResult = {
  database: string;
  startEmptyMs?: number;
  restartMs: number;
  loads: LoadResult[];
  searchP95: number;
  searchP50: number;
};

async function seedInProcess(env: Record<string, string>) {
  const config = loadConfig({ ...baseEnv, ...env, PISTUDIO_LOG_LEVEL: 'silent' });
  const { handle, unlock } = await openConfigured(config);
  await bootstrap({ db: handle.db, handle, config, log: pino({ level: 'silent' }), now: () => new Date() });
  await seedBench(handle);
  await handle.close();
  await unlock();
}

async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function measureLeg(database: string, env: Record<string, string>, seconds: number): Promise<LegResult> {
  const server = await spawnServer({ ...baseEnv, ...env });
  try {
    const headers = await login(server.url);
    const api = `${server.url}/api/v1`;
    const loads = [
      await load('product detail', `${api}/products/FINTX-BENCH2`, headers, seconds),
      await load('product list (50)', `${api}/products?limit=50`, headers, seconds),
      await load('search', `${api}/search?q=settlement%20merchant`, headers, seconds),
    ];
    const s = await sample(`${api}/search?q=reconciliation`, headers, 200);
    return { database, restartMs: Math.round(server.readyMs), loads, searchP95: s.p95, searchP50: s.p50 };
  } finally {
    await server.stop();
  }
}

export async function pgliteLeg(seconds: number): Promise<LegResult> {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-empty-'));
  const first = await spawnServer({ ...baseEnv, PISTUDIO_DATA_DIR: empty });
  const startEmptyMs = Math.round(first.readyMs);
  await first.stop();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-'));
  await seedInProcess({ PISTUDIO_DATA_DIR: dir });
  const leg = await measureLeg('PGlite', { PISTUDIO_DATA_DIR: dir }, seconds);
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...leg, startEmptyMs };
}

export async function postgresLeg(adminUrl: string, seconds: number): Promise<LegResult> {
  const name = `pis_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await seedInProcess({ DATABASE_URL: url.toString() });
    return await measureLeg('PostgreSQL', { DATABASE_URL: url.toString() }, seconds);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
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

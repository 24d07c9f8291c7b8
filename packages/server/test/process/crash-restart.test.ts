// kill -9 in the middle of concurrent writes, then restart: every write the server acknowledged (2xx) is still
// there, and the restart is quick. On PGlite (the data directory and its lock) or, when TEST_DATABASE_URL is set,
// on a fresh PostgreSQL database that the restarted server opens again.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../harness.ts';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  cliEnv,
  login,
  logLines,
  machineBusy,
  RESTART_BUDGET_MS,
  type Running,
  reportedStartMs,
  startServer,
  tempDir,
} from './cli.ts';

const dir = tempDir('crash');
const running: Running[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  for (const c of cleanups) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The database under test: a fresh PGlite directory, or a fresh PostgreSQL database (dropped afterwards). */
async function target(): Promise<{ label: string; extra: Record<string, string> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { label: 'PGlite', extra: {} };
  // Named with the run's prefix when there is one, so the global teardown drops it even if this file crashes.
  let prefix = 'pis_t_crash_';
  try {
    const t = inject('testDbTemplate');
    if (t.kind === 'postgres') prefix = t.databasePrefix;
  } catch {
    // no global setup: our own cleanup drops it
  }
  const name = `${prefix}crash_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const url = await createDatabase(serverUrl, name);
  cleanups.push(() => dropDatabase(serverUrl, name));
  return { label: 'PostgreSQL', extra: { DATABASE_URL: url } };
}

type Session = { cookie: string; csrf: string };
type Acked = { products: string[]; versions: Map<string, string[]> };

function api(url: string, s: Session) {
  return (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/v1${route}`, {
      method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/**
 * Writers that run until the server goes away: product creators and document-version savers. Only 2xx answers
 * are recorded; a request cut off by the kill is not acknowledged and may or may not have committed.
 */
function startWriters(call: ReturnType<typeof api>, documents: { id: string; etag: string }[], acked: Acked) {
  let stopped = false;
  const products = Array.from({ length: 6 }, (_, w) =>
    (async () => {
      for (let i = 0; !stopped; i++) {
        const res = await call('POST', '/products', {
          subsidiary: 'CRASH',
          name: `Write ${w} ${i}`,
          productType: 'web_app',
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201) acked.products.push(((await res.json()) as { code: string }).code);
        else throw new Error(`product write answered ${res.status}: ${await res.text()}`);
      }
    })(),
  );
  const versions = documents.map((doc) =>
    (async () => {
      let etag = doc.etag;
      for (let i = 0; !stopped; i++) {
        const res = await call(
          'POST',
          `/documents/${doc.id}/versions`,
          {
            body: `# Version ${i}\n\nSaved while the server may die at any moment (${randomUUID()}).\n`,
            bump: 'minor',
          },
          { 'if-match': etag },
        ).catch(() => null);
        if (!res) return;
        if (res.status !== 201) throw new Error(`version save answered ${res.status}: ${await res.text()}`);
        acked.versions.get(doc.id)?.push(((await res.json()) as { id: string }).id);
        etag = res.headers.get('etag') ?? '';
      }
    })(),
  );
  return {
    all: Promise.all([...products, ...versions]),
    count: () => acked.products.length + [...acked.versions.values()].reduce((n, v) => n + v.length, 0),
    stop: () => {
      stopped = true;
    },
  };
}

describe('kill -9 during writes, then restart', { timeout: 180_000 }, () => {
  it('keeps every acknowledged write and restarts quickly', async () => {
    const { label, extra } = await target();
    const env = cliEnv(path.join(dir, 'data'), extra);
    const first = await startServer(env);
    running.push(first);
    const session = await login(first.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(session.status).toBe(200);
    const call = api(first.url, session);
    expect((await call('POST', '/subsidiaries', { code: 'CRASH', name: 'Crash test' })).status).toBe(201);
    const documents: { id: string; etag: string }[] = [];
    for (const name of ['Doc one', 'Doc two']) {
      const product = await call('POST', '/products', { subsidiary: 'CRASH', name, productType: 'web_app' });
      const { code } = (await product.json()) as { code: string };
      const doc = await call('POST', `/products/${code}/documents`, { kind: 'prd' });
      expect(doc.status).toBe(201);
      documents.push({ id: ((await doc.json()) as { id: string }).id, etag: doc.headers.get('etag') ?? '' });
    }

    const acked: Acked = { products: [], versions: new Map(documents.map((d) => [d.id, []])) };
    const writers = startWriters(call, documents, acked);
    // Killed mid-stream: once enough writes are acknowledged, with the writers' next requests in flight.
    while (writers.count() < 80) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    writers.stop();
    await writers.all;
    await first.exited;
    const ackedCount = writers.count();

    const t0 = performance.now();
    const again = await startServer({ ...env, PISTUDIO_LOG_LEVEL: 'info' });
    running.push(again);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    const readyMs = performance.now() - t0;
    const lockMs = Number(logLines(again.output().stdout).find((l) => 'lockFile' in l)?.lockMs ?? 0);
    const startMs = reportedStartMs(again);
    console.log(
      `${label}: ${ackedCount} writes acknowledged before kill -9; restart: started in ${startMs} ms, ` +
        `spawn → ready ${Math.round(readyMs)} ms` +
        (label === 'PGlite' ? ` (lock ${lockMs} ms)` : ''),
    );

    // The session written before the crash still signs us in; every acknowledged row is there.
    const after = api(again.url, session);
    const missing: string[] = [];
    for (const code of acked.products) if ((await after('GET', `/products/${code}`)).status !== 200) missing.push(code);
    for (const [id, versionIds] of acked.versions) {
      const res = await after('GET', `/documents/${id}/versions`);
      expect(res.status).toBe(200);
      const stored = new Set(((await res.json()) as { items: { id: string }[] }).items.map((v) => v.id));
      for (const v of versionIds) if (!stored.has(v)) missing.push(`version ${v}`);
    }
    expect(missing).toEqual([]);
    expect(acked.products.length).toBeGreaterThan(0);
    expect([...acked.versions.values()].every((v) => v.length > 0)).toBe(true);

    if (label === 'PGlite') expect(lockMs).toBeLessThan(100);
    if (!machineBusy()) expect(startMs).toBeLessThan(RESTART_BUDGET_MS);

    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});

// Issue #9, defect 2: CPU-heavy work must not stall the server. Through a real listening socket (so the event loop
// is really measured, not app.request), /healthz is polled while a hostile .docx, a heavy but legal .docx, a large
// diff and the gate scoring of a large PRD run at the same time: polls answer within 100 ms (a few, when the machine
// is shared, within 250 ms; work on the event loop would hold one for seconds).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, upload } from '../src/modules/documents/test-fixtures.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from './harness.ts';
import { heavyDocx, hostileDocx, longPrd } from './heavy-inputs.ts';

const HEALTHZ_BUDGET_MS = 100;
const HEALTHZ_CEILING_MS = 250;

let t: TestContext;
let server: ReturnType<typeof serve>;
let base: string;
let auth: Record<string, string>;
let productCode: string;
let products = 0;
let hostile: Uint8Array;
let heavy: Uint8Array;

async function call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...auth, ...extra } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return fetch(`${base}${path}`, init);
}

/** Saves `body` as a new version of document `id` and returns nothing; fails the test on a non-201. */
async function saveVersion(id: string, body: string) {
  const current = await call('GET', `/api/v1/documents/${id}`);
  const res = await call(
    'POST',
    `/api/v1/documents/${id}/versions`,
    { body, bump: 'minor' },
    {
      'if-match': current.headers.get('etag') ?? '',
    },
  );
  expect(res.status, await res.clone().text()).toBe(201);
}

const createProduct = () => makeProduct(t, 'EMX', `PAY${++products}`, `Payouts ${products}`);

/** A PRD in a product of its own (a product has one PRD). */
async function createPrd(title: string, body: string): Promise<string> {
  const res = await call('POST', `/api/v1/products/${await createProduct()}/documents`, { kind: 'prd', title, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const importDocx = (name: string, bytes: Uint8Array) =>
  call('POST', `/api/v1/products/${productCode}/documents/import`, upload({ kind: 'context' }, { name, bytes }));

/** Polls /healthz back to back until `work` settles; returns every latency. */
async function pollWhile(work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.text();
    latencies.push(performance.now() - started);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
  }
  return latencies;
}

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.user({ isAdmin: true, roles: { EMX: 'admin' } });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // fetch keeps sockets alive between requests; under load a gap of a few seconds (building the inputs below) can
  // outlast Node's 5 s keep-alive, and the next request would meet a socket the server just closed (ECONNRESET).
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 120_000;
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  auth = { cookie, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  productCode = await createProduct();
  // Built before any polling: generating them is the test's work, not the server's.
  hostile = hostileDocx();
  heavy = heavyDocx();
}, 120_000);

afterAll(async () => {
  // The kept-alive sockets above would hold close() open for their whole timeout.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

describe('heavy work runs off the event loop', () => {
  it('refuses the issue #9 .docx (50 MB of XML) before converting it, without the memory going up', async () => {
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const res = await importDocx('hostile.docx', hostile);
    const took = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const problem = (await res.json()) as { code: string; invalid_params: { name: string; reason: string }[] };
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.code).toBe('document_too_large');
    expect(problem.invalid_params).toEqual([
      { name: 'file', reason: 'its XML parts would expand to 48.0 MB (limit 8 MB)' },
    ]);
    // Refused from the zip directory alone: no conversion (which took 17 s and 2.3 GB), not even inflation.
    expect(took).toBeLessThan(2_000);
    expect(peak - rssBefore).toBeLessThan(1024 * 1024 * 1024);
  });

  it('answers /healthz within 100 ms while .docx imports, a large diff and large gate scoring run', async () => {
    // A large diff: two ~1 MB versions, every few lines changed (the diff takes ~2 s of CPU).
    const diffDoc = await createPrd('Large diff', longPrd(1_000_000, 1));
    await saveVersion(
      diffDoc,
      longPrd(1_000_000, 1)
        .split('\n')
        .map((line, i) => (i % 5 === 0 ? `${line} (changed)` : line))
        .join('\n'),
    );
    // A large PRD for the gate (~300 KB: ten times the inline threshold).
    const gateDoc = await createPrd('Large gate', longPrd(300_000, 2));

    const outcomes: Record<string, number> = {};
    const track = (name: string, p: Promise<Response>) =>
      p.then(async (res) => {
        await res.arrayBuffer();
        outcomes[name] = res.status;
      });
    const work = Promise.all([
      track('hostile docx', importDocx('hostile.docx', hostile)),
      track('heavy docx', importDocx('heavy.docx', heavy)),
      track('diff', call('GET', `/api/v1/documents/${diffDoc}/diff?from=1.0&to=1.1`)),
      track('gate', call('POST', `/api/v1/documents/${gateDoc}/gate`, {})),
    ]);
    const latencies = await pollWhile(work);
    await work;

    expect(outcomes).toEqual({ 'hostile docx': 413, 'heavy docx': 201, diff: 200, gate: 201 });
    // Work on the event loop would hold a poll for the whole of it (the diff alone is ~2 s of CPU). On two cores
    // shared with the other test files a poll can still miss its slot once in a while, so a few polls may take up to
    // HEALTHZ_CEILING_MS; none longer, and almost all within HEALTHZ_BUDGET_MS.
    const max = Math.round(Math.max(...latencies));
    const slow = latencies.filter((ms) => ms >= HEALTHZ_BUDGET_MS).map((ms) => Math.round(ms));
    expect(max, `slow polls ${slow.join(', ')} of ${latencies.length}`).toBeLessThan(HEALTHZ_CEILING_MS);
    expect(slow.length, `slow polls ${slow.join(', ')} of ${latencies.length}`).toBeLessThanOrEqual(
      Math.max(2, Math.floor(latencies.length * 0.02)),
    );
    // The work lasted seconds and the polls went on throughout it (a stalled loop also means few polls).
    expect(latencies.length).toBeGreaterThan(20);
  }, 120_000);
});

// Product detail and product list pages are served from memory (lib/read-cache.ts) only while the change feed
// proves them current.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';

let t: TestContext;
let c: TestClient;
const onPostgres = inject('testDbTemplate').kind === 'postgres';

beforeAll(async () => {
  t = await createTestContext();
  c = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  const res = await c.post('/api/v1/products', { subsidiary: 'FINTX', name: 'Cached', productType: 'web_app' });
  expect(res.status).toBe(201);
});
afterAll(async () => t.close());

const detailName = async () => {
  const res = await c.get('/api/v1/products/FINTX-CACHED');
  expect(res.status).toBe(200);
  return ((await res.json()) as { name: string }).name;
};

/** How many times product detail was read from the database while `fn` ran. */
async function databaseReads(fn: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(t.deps.handle, 'prepared');
  try {
    await fn();
    return spy.mock.calls.filter(([name]) => name === 'product_detail').length;
  } finally {
    spy.mockRestore();
  }
}

const waitForGenerationAbove = (g: number) =>
  vi.waitFor(() => expect(t.deps.handle.changes.generation).toBeGreaterThan(g), { timeout: 5_000 });

describe('product detail read cache', () => {
  it('hears committed writes to every table the detail is built from, written by any connection', async () => {
    expect(t.deps.handle.changes.live).toBe(true);
    expect(await (await t.app.request('/readyz')).json()).toMatchObject({ status: 'ready', readCache: 'live' });
    const tables = ['subsidiaries', 'users', 'products', 'documents', 'document_versions'];
    // The gate status on the product page and the board (migration 0006).
    for (const table of [...tables, 'gate_reviews', 'gate_conditions']) {
      const before = t.deps.handle.changes.generation;
      await t.deps.handle.raw(`update ${table} set id = id where false`);
      await waitForGenerationAbove(before);
    }
  });

  it('is not churned by reads or by writes to other tables (sessions, audit)', async () => {
    const before = t.deps.handle.changes.generation;
    await t.deps.handle.raw('select count(*) from products');
    await t.deps.handle.raw('update sessions set id = id where false');
    await t.deps.handle.raw('update audit_events set id = id where false');
    await new Promise((r) => setTimeout(r, 200));
    expect(t.deps.handle.changes.generation).toBe(before);
  });

  it('answers repeated reads from memory', async () => {
    await detailName();
    expect(await databaseReads(async () => [await detailName(), await detailName()])).toBe(0);
  });

  it('shows a change written outside the API (another process, a migration) once it commits', async () => {
    expect(await detailName()).toBe('Cached');
    await t.deps.handle.raw("update products set name = 'Renamed outside' where code = 'FINTX-CACHED'");
    await vi.waitFor(async () => expect(await detailName()).toBe('Renamed outside'), { timeout: 5_000 });
  });

  it('shows a write made through the API on the very next read', async () => {
    await detailName();
    const res = await c.patch('/api/v1/products/FINTX-CACHED', { name: 'Renamed by PATCH' });
    expect(res.status).toBe(200);
    expect(await detailName()).toBe('Renamed by PATCH');
  });

  it("keeps a product's page in memory when another product is saved, and drops it when this one is", async () => {
    const other = await c.post('/api/v1/products', { subsidiary: 'FINTX', name: 'Neighbour', productType: 'web_app' });
    expect(other.status).toBe(201);
    await detailName();
    expect((await c.patch('/api/v1/products/FINTX-NEIGHBOUR', { name: 'Neighbour renamed' })).status).toBe(200);
    // PostgreSQL delivers the notification after the response, so a write request still drops every page there.
    expect(await databaseReads(detailName)).toBe(onPostgres ? 1 : 0);
    await t.deps.handle.raw("update products set summary = 'bulk' where code in ('FINTX-NEIGHBOUR', 'FINTX-CACHED')");
    await vi.waitFor(async () => expect(await databaseReads(detailName)).toBe(1), { timeout: 5_000 });
  });

  it('a change to many products at once (or to a table the page is built from) drops every page', async () => {
    await detailName();
    await t.deps.handle.raw('update products set summary = summary where false');
    await vi.waitFor(async () => expect(await databaseReads(detailName)).toBe(1), { timeout: 5_000 });
    await t.deps.handle.raw("update users set name = name where email like '%@test.local'");
    await vi.waitFor(async () => expect(await databaseReads(detailName)).toBe(1), { timeout: 5_000 });
  });

  it('still decides access on every request, from the cached stored record', async () => {
    await detailName();
    const stranger = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
    expect((await stranger.get('/api/v1/products/FINTX-CACHED')).status).toBe(404);
  });

  it.runIf(onPostgres)('survives PostgreSQL dropping every connection (restart, failover)', async () => {
    // Several idle pooled connections, then every connection of this database killed from outside.
    await Promise.all(Array.from({ length: 5 }, () => t.deps.handle.raw('select pg_sleep(0.05)')));
    const [row] = await t.deps.handle.raw('select current_database() as name');
    const killer = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await killer.connect();
    await killer.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [row?.name]);
    await killer.end();
    await new Promise((r) => setTimeout(r, 200));
    await vi.waitFor(async () => expect(await detailName()).toMatch(/\w/), { timeout: 10_000 });
    await vi.waitFor(() => expect(t.deps.handle.changes.live).toBe(true), { timeout: 10_000 });
  });

  it.runIf(onPostgres)('reads the database while its change listener is down, and caches again once back', async () => {
    await t.deps.handle.raw(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'",
    );
    await vi.waitFor(() => expect(t.deps.handle.changes.live).toBe(false), { timeout: 5_000 });
    expect(await (await t.app.request('/readyz')).json()).toMatchObject({ readCache: 'bypassed' });
    expect(await databaseReads(async () => [await detailName(), await detailName()])).toBe(2);
    await vi.waitFor(() => expect(t.deps.handle.changes.live).toBe(true), { timeout: 10_000 });
    await detailName();
    expect(await databaseReads(() => detailName())).toBe(0);
  });
});

describe('product list read cache', () => {
  const codes = async (client: TestClient, query = '') => {
    const res = await client.get(`/api/v1/products${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { code: string; name: string }[] }).items;
  };
  const selects = async (fn: () => Promise<unknown>) => {
    const spy = vi.spyOn(t.deps.db, 'select');
    try {
      await fn();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('answers the same page for the same visibility from memory', async () => {
    await codes(c);
    expect(await selects(async () => [await codes(c), await codes(c)])).toBe(0);
    // Another query is another page.
    expect(await selects(() => codes(c, '?stage=intake'))).toBeGreaterThan(0);
  });

  it("never hands one subsidiary's page to a caller who sees other subsidiaries", async () => {
    expect((await codes(c)).map((p) => p.code)).toContain('FINTX-CACHED');
    const nxn = await t.client(await t.user({ roles: { NXN: 'viewer' } })).login();
    expect((await codes(nxn)).map((p) => p.code)).not.toContain('FINTX-CACHED');
  });

  it('shows a committed change on the next read', async () => {
    await codes(c);
    await t.deps.handle.raw("update products set name = 'Listed anew' where code = 'FINTX-CACHED'");
    await vi.waitFor(
      async () => expect((await codes(c)).find((p) => p.code === 'FINTX-CACHED')?.name).toBe('Listed anew'),
      { timeout: 5_000 },
    );
  });
});

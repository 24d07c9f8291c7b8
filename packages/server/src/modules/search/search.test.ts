import type { SearchHit as Hit } from '@pi-studio/core/contract/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { makeProduct } from '../documents/test-fixtures.ts';

let t: TestContext;
let emx: TestClient;
let admin: TestClient;
let emxDoc: string;
let nxnDoc: string;

const json = async <T>(res: Response) => (await res.json()) as T;
const hits = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/v1/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json<{ items: Hit[] }>(res)).items;
};

async function create(c: TestClient, code: string, kind: string, body: string): Promise<string> {
  const res = await c.post(`/api/v1/products/${code}/documents`, { kind, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

beforeAll(async () => {
  t = await createTestContext();
  emx = await t.client(await t.user({ roles: { EMX: 'po' } })).login();
  const nxn = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
  admin = await t.client(await t.user({ isAdmin: true })).login();
  const pay = await makeProduct(t, 'EMX', 'PAYOUTS', 'Merchant Payouts');
  const ledger = await makeProduct(t, 'NXN', 'LEDGER', 'Ledger');
  emxDoc = await create(
    emx,
    pay,
    'prd',
    '# Payouts\n\n## Problem\n\nMerchants <script>alert(1)</script> wait days for reconciliation of their payouts & fees < 2% "always".\n',
  );
  await create(emx, pay, 'context', '# Context\n\nWhy payouts matter. Nothing about the other word.\n');
  nxnDoc = await create(nxn, ledger, 'prd', '# Ledger\n\nNightly reconciliation of the general ledger.\n');
});
afterAll(async () => t?.close());

describe('search', () => {
  it('finds the current version with an escaped snippet that highlights the hit', async () => {
    const items = await hits(emx, 'q=reconciliation');
    expect(items.map((h) => h.documentId)).toEqual([emxDoc]);
    expect(items[0]).toMatchObject({
      documentCode: 'EMX-PAYOUTS-PRD',
      title: 'Payouts',
      kind: 'prd',
      product: { code: 'EMX-PAYOUTS', name: 'Merchant Payouts' },
      subsidiary: 'EMX',
      version: '1.0',
    });
    const snippet = items[0]?.snippet ?? '';
    expect(snippet).toContain('<mark>reconciliation</mark>');
    // Postgres' parser drops tags from headlines; whatever remains is escaped.
    expect(snippet).not.toContain('<script');
    expect(snippet).toContain('payouts &amp; fees &lt; 2% &quot;always');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never shows documents of subsidiaries the user has no role in; admins see all', async () => {
    const mine = await hits(emx, 'q=ledger');
    expect(mine).toEqual([]);
    const all = await hits(admin, 'q=reconciliation');
    expect(all.map((h) => h.documentId).sort()).toEqual([emxDoc, nxnDoc].sort());
    const nobody = await t.client(await t.user()).login();
    expect(await hits(nobody, 'q=reconciliation')).toEqual([]);
  });

  it('finds documents by product code or name with short queries, name hits first', async () => {
    const byCode = await hits(emx, 'q=EMX-PAY');
    expect(byCode.map((h) => h.documentCode).sort()).toEqual(['EMX-PAYOUTS-CONTEXT', 'EMX-PAYOUTS-PRD']);
    const byName = await hits(admin, 'q=ledg');
    expect(byName.map((h) => h.documentId)).toEqual([nxnDoc]);
    const percent = await hits(admin, `q=${encodeURIComponent('%')}`);
    expect(percent).toEqual([]);
  });

  it('filters by kind and subsidiary and honours the limit', async () => {
    expect((await hits(emx, 'q=payouts&kind=context')).map((h) => h.kind)).toEqual(['context']);
    expect((await hits(admin, 'q=reconciliation&subsidiary=nxn')).map((h) => h.documentId)).toEqual([nxnDoc]);
    expect(await hits(emx, 'q=payouts&limit=1')).toHaveLength(1);
  });

  it('searches only the current version of each document', async () => {
    const doc = await json<{ revision: number }>(await emx.get(`/api/v1/documents/${emxDoc}`));
    const res = await emx.post(
      `/api/v1/documents/${emxDoc}/versions`,
      { body: '# Payouts\n\nSettlement happens instantly now.\n' },
      { headers: { 'if-match': `"${doc.revision}"` } },
    );
    expect(res.status).toBe(201);
    expect(await hits(emx, 'q=reconciliation')).toEqual([]);
    const now = await hits(emx, 'q=settlement instantly');
    expect(now.map((h) => [h.documentId, h.version])).toEqual([[emxDoc, '1.1']]);
    expect(now[0]?.snippet).toContain('<mark>Settlement</mark>');
  });

  it('applies visibility before ranking: many newer foreign matches cannot crowd out your own', async () => {
    const nxn = await t.subsidiary('NXN');
    // 250 newer NXN documents that all match, inserted in bulk (ranking looks at the 200 most recent matches).
    await t.deps.handle.raw(
      `with p as (
         insert into products (code, name, subsidiary_id, product_type)
         select 'NXN-BULK' || i, 'Bulk ' || i, $1::uuid, 'web_app' from generate_series(1, 250) i returning id
       ), d as (
         insert into documents (product_id, kind, title, updated_at)
         select id, 'prd', 'Bulk PRD', now() + interval '1 day' from p returning id
       ), v as (
         insert into document_versions (document_id, major, minor, body, content_hash)
         select id, 1, 0, '# Bulk' || chr(10) || 'quarterly crowding topic', md5(id::text) from d
       )
       select 1`,
      [nxn],
    );
    // A separate statement: the one above cannot see the rows its own CTEs insert.
    await t.deps.handle.raw(
      `update documents d set current_version_id = v.id from document_versions v
       where v.document_id = d.id and d.current_version_id is null`,
    );
    const code = await makeProduct(t, 'EMX', 'CROWD', 'Crowd');
    const mine = await create(emx, code, 'context', '# Mine\n\nOur own quarterly crowding topic.\n');
    await t.deps.handle.raw(`update documents set updated_at = now() - interval '30 days' where id = $1`, [mine]);
    expect((await hits(emx, 'q=quarterly crowding')).map((h) => h.documentId)).toEqual([mine]);
    expect(await hits(admin, 'q=quarterly crowding&limit=50')).toHaveLength(50);
  });

  it('validates q (1–200 characters), limit and kind', async () => {
    for (const bad of ['', 'q=', 'q=%20%20', `q=${'x'.repeat(201)}`, 'q=a&limit=0', 'q=a&limit=51', 'q=a&kind=poem']) {
      const res = await emx.get(`/api/v1/search?${bad}`);
      expect(res.status, bad).toBe(422);
    }
    const res = await emx.get('/api/v1/search');
    expect((await json<{ invalid_params: { name: string }[] }>(res)).invalid_params[0]?.name).toBe('query.q');
    expect((await t.client().get('/api/v1/search?q=x')).status).toBe(401);
  });

  it('copes with queries that are only stop words or operators', async () => {
    for (const q of ['the', '"', '-', 'or', '!!!', "'; drop table documents; --"]) {
      const res = await emx.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });
});

import { type ProductPage as Page, ZProduct, ZProductDetail } from '@pi-studio/core/contract/products';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/harness.ts';

let t: TestContext;
let po: TestUser;
let viewer: TestUser;
let nxnPo: TestUser;
beforeAll(async () => {
  t = await createTestContext();
  po = await t.user({ roles: { FINTX: 'po' } });
  viewer = await t.user({ roles: { FINTX: 'viewer' } });
  nxnPo = await t.user({ roles: { NXN: 'po' } });
});
afterAll(async () => t.close());

describe('products', () => {
  it('creates a product with a code from the naming convention, audited', async () => {
    const c = await t.client(po).login();
    const res = await c.post('/api/v1/products', {
      subsidiary: 'FINTX',
      name: 'Payouts',
      productType: 'web_app',
      tags: ['payments'],
      poId: po.id,
    });
    expect(res.status).toBe(201);
    const p = ZProduct.parse(await res.json());
    expect(p).toMatchObject({
      code: 'FINTX-PAYOUTS',
      stage: 'intake',
      po: { id: po.id },
      subsidiary: { code: 'FINTX' },
    });
    expect(res.headers.get('etag')).toBe('"1"');
    const dup = await c.post('/api/v1/products', { subsidiary: 'FINTX', name: 'Payouts', productType: 'web_app' });
    expect(dup.status).toBe(409);
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const audit = (await (await admin.get('/api/v1/audit?action=product.created')).json()) as {
      items: { targetLabel: string }[];
    };
    expect(audit.items.map((e) => e.targetLabel)).toContain('FINTX-PAYOUTS');
  });

  it('names each bad field', async () => {
    const c = await t.client(po).login();
    const res = await c.post('/api/v1/products', {
      subsidiary: 'FINTX',
      name: 'X',
      productType: 'spaceship',
      tags: ['Bad Tag'],
      key: 'lower',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { invalid_params: { name: string }[] };
    expect(body.invalid_params.map((p) => p.name).sort()).toEqual(['name', 'tags.0']);
    const res2 = await c.post('/api/v1/products', {
      subsidiary: 'FINTX',
      name: 'Rocket',
      productType: 'spaceship',
      key: 'lower',
    });
    const names = ((await res2.json()) as { invalid_params: { name: string }[] }).invalid_params.map((p) => p.name);
    expect(names.sort()).toEqual(['key', 'productType']);
  });

  it("names each document's current author as a person, as the documents list does (was the bare name)", async () => {
    const c = await t.client(po).login();
    expect((await c.post('/api/v1/products/FINTX-PAYOUTS/documents', { kind: 'prd' })).status).toBe(201);
    const detail = ZProductDetail.parse(await (await c.get('/api/v1/products/FINTX-PAYOUTS')).json());
    const list = (await (await c.get('/api/v1/products/FINTX-PAYOUTS/documents')).json()) as {
      items: { id: string; currentVersion: { author: unknown } | null }[];
    };
    const prd = detail.documents.find((d) => d.kind === 'prd');
    expect(prd?.currentVersion?.author).toMatchObject({ id: po.id, email: po.email });
    expect(prd?.currentVersion?.author).toEqual(list.items.find((d) => d.id === prd?.id)?.currentVersion?.author);
  });

  it('viewers read but cannot create; other subsidiaries see 404', async () => {
    const v = await t.client(viewer).login();
    expect((await v.get('/api/v1/products/FINTX-PAYOUTS')).status).toBe(200);
    expect(
      (await v.post('/api/v1/products', { subsidiary: 'FINTX', name: 'Nope', productType: 'web_app' })).status,
    ).toBe(403);
    const other = await t.client(nxnPo).login();
    expect((await other.get('/api/v1/products/FINTX-PAYOUTS')).status).toBe(404);
    expect((await other.patch('/api/v1/products/FINTX-PAYOUTS', { name: 'Hijack' })).status).toBe(404);
    const list = (await (await other.get('/api/v1/products')).json()) as Page;
    expect(list.items.map((p) => p.code)).not.toContain('FINTX-PAYOUTS');
  });

  it('filters, paginates with a cursor and saves with If-Match', async () => {
    const c = await t.client(po).login();
    for (const name of ['Alpha', 'Bravo', 'Charlie']) {
      expect((await c.post('/api/v1/products', { subsidiary: 'FINTX', name, productType: 'api_service' })).status).toBe(
        201,
      );
    }
    const first = (await (await c.get('/api/v1/products?subsidiary=FINTX&type=api_service&limit=2')).json()) as Page;
    expect(first.items.map((p) => p.code)).toEqual(['FINTX-ALPHA', 'FINTX-BRAVO']);
    const second = (await (
      await c.get(`/api/v1/products?subsidiary=FINTX&type=api_service&limit=2&cursor=${first.nextCursor}`)
    ).json()) as Page;
    expect(second).toEqual({ items: [expect.objectContaining({ code: 'FINTX-CHARLIE' })], nextCursor: null });
    const saved = await c.patch(
      '/api/v1/products/FINTX-ALPHA',
      { summary: 'First' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(saved.status).toBe(200);
    expect(ZProduct.parse(await saved.json()).revision).toBe(2);
    const stale = await c.patch(
      '/api/v1/products/FINTX-ALPHA',
      { summary: 'Late' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(stale.status).toBe(409);
    const intake = (await (await c.get('/api/v1/products?stage=intake&type=api_service')).json()) as Page;
    expect(intake.items.map((p) => p.code)).toEqual(expect.arrayContaining(['FINTX-ALPHA', 'FINTX-CHARLIE']));
    const gate = (await (await c.get('/api/v1/products?stage=gate')).json()) as Page;
    expect(gate.items).toEqual([]);
    expect((await c.get('/api/v1/products?stage=nonsense')).status).toBe(422);
  });
});

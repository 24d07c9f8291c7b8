// The Golden PRD library: passages of passed versions, searched by criterion, subsidiary and product type,
// and cited by the fixes of later reviews (same subsidiary first).
import { type GoldenExample, ZGoldenExample, ZGoldenList } from '@pi-studio/core/contract/gate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { testPrd } from '../test-fixtures.ts';
import { act, count, createPrd, expectStatus, json, makeTypedProduct, type Problem, submit } from '../test-kit.ts';

let t: TestContext;
let ops: TestClient;
let po: TestClient;
let nxnPo: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops', NXN: 'productops' } })).login();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  nxnPo = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
});
afterAll(async () => t?.close());

async function passedPrd(sub: string, key: string): Promise<string> {
  const code = await makeTypedProduct(t, sub, key);
  // Written by the subsidiary's PO: ProductOps do not decide their own submissions (the four-eyes rule).
  const author = sub === 'NXN' ? nxnPo : po;
  const doc = await createPrd(author, code, testPrd('strong'));
  const review = await submit(author, doc.id);
  await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'pass' });
  return doc.id;
}

const addGolden = (c: TestClient, body: Record<string, unknown>) => c.post('/api/v1/golden', body);

describe('the Golden library', () => {
  let fintxDoc: string;
  let golden: GoldenExample;

  it('marks the section a criterion is about in a passed version as golden', async () => {
    const nxnDoc = await passedPrd('NXN', 'OTHER');
    await expectStatus(await addGolden(ops, { documentId: nxnDoc, version: '1.0', criterion: 'metrics' }), 201);
    fintxDoc = await passedPrd('FINTX', 'GOOD');
    const res = await addGolden(ops, { documentId: fintxDoc, version: '1.0', criterion: 'metrics' });
    await expectStatus(res, 201);
    golden = await answer(res, ZGoldenExample);
    expect(golden).toMatchObject({
      criterion: 'metrics',
      source: 'FINTX-GOOD-PRD v1.0',
      subsidiary: 'FINTX',
      productType: 'api_service',
    });
    expect(golden.text).toMatch(/^#+ .*(Goal|Metric|Success)/i);
    expect(golden.text).toMatch(/\|/);
  });

  it('refuses what is not a passage of a passed version, naming the field; stores nothing', async () => {
    const before = await count(t, 'golden_examples');
    const pendingCode = await makeTypedProduct(t, 'FINTX', 'PENDING');
    const pending = await createPrd(ops, pendingCode, testPrd('strong'));
    await submit(ops, pending.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ documentId: pending.id, version: '1.0', criterion: 'metrics' }, 'version'],
      [{ documentId: fintxDoc, version: '1.0', criterion: 'vibes' }, 'criterion'],
      [{ documentId: fintxDoc, version: '1.0', criterion: 'problem', text: 'Words nobody wrote' }, 'text'],
      [{ documentId: fintxDoc, version: '1.0', criterion: 'clarity' }, 'text'],
      [{ documentId: fintxDoc, version: '2.0', criterion: 'metrics' }, 'version'],
      [{ documentId: fintxDoc, version: '1.0', criterion: 'metrics', subsidiary: 'NOPE' }, 'subsidiary'],
    ];
    for (const [body, field] of cases) {
      const res = await addGolden(ops, body);
      await expectStatus(res, 422);
      expect(
        (await json<Problem>(res)).invalid_params?.map((p) => p.name),
        field,
      ).toContain(field);
    }
    await expectStatus(await addGolden(po, { documentId: fintxDoc, version: '1.0', criterion: 'metrics' }), 403);
    await expectStatus(await addGolden(nxnPo, { documentId: fintxDoc, version: '1.0', criterion: 'metrics' }), 404);
    expect(await count(t, 'golden_examples')).toBe(before);
  });

  it('browses and searches the library', async () => {
    const all = await answer(await po.get('/api/v1/golden?criterion=metrics'), ZGoldenList);
    expect(all.items.map((g) => g.source).sort()).toEqual(['FINTX-GOOD-PRD v1.0', 'NXN-OTHER-PRD v1.0']);
    const nxn = await answer(await po.get('/api/v1/golden?subsidiary=NXN'), ZGoldenList);
    expect(nxn.items.map((g) => g.source)).toEqual(['NXN-OTHER-PRD v1.0']);
    const word = golden.text.match(/[A-Za-z]{6,}/)?.[0] ?? 'metric';
    const found = await answer(await po.get(`/api/v1/golden?q=${encodeURIComponent(word)}`), ZGoldenList);
    expect(found.items.map((g) => g.id)).toContain(golden.id);
    const none = await answer(await po.get('/api/v1/golden?q=zzzqqq%25'), ZGoldenList);
    expect(none.items).toEqual([]);
  });

  it('fixes in a later review cite the passage of the same subsidiary', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'NEXT');
    const review = await submit(po, (await createPrd(po, code, testPrd('medium'))).id);
    const metricFixes = review.findings.filter((f) => f.criterion === 'metrics');
    expect(metricFixes.length).toBeGreaterThan(0);
    for (const f of metricFixes) expect(f.fix).toContain('Golden example (FINTX-GOOD-PRD v1.0)');
    expect(review.goldenCitations).toContainEqual(
      expect.objectContaining({ criterion: 'metrics', source: 'FINTX-GOOD-PRD v1.0' }),
    );
    const other = review.findings.filter((f) => f.criterion === 'ux');
    for (const f of other) expect(f.fix).not.toContain('Golden example');
  });

  it('removes a passage (ProductOps of its subsidiary only)', async () => {
    await expectStatus(await nxnPo.delete(`/api/v1/golden/${golden.id}`), 404);
    await expectStatus(await po.delete(`/api/v1/golden/${golden.id}`), 403);
    await expectStatus(await ops.delete(`/api/v1/golden/${golden.id}`), 204);
    const left = await answer(await po.get('/api/v1/golden?criterion=metrics'), ZGoldenList);
    expect(left.items.map((g) => g.source)).toEqual(['NXN-OTHER-PRD v1.0']);
    await expectStatus(await ops.delete(`/api/v1/golden/${golden.id}`), 404);
  });
});

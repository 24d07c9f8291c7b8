// The UAT → handover rule (issue #13): only an accepting sign-off of the current build (the latest UAT session's)
// moves a product on; a refusal keeps it in UAT with a 409 that says why; a studio administrator's forced move, with
// a reason and audited, stays the override.
import { ZProduct } from '@pi-studio/core/contract/products';
import { ZSignoffList } from '@pi-studio/core/contract/signoff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { expectStatus, json, makeTypedProduct, type Problem } from '../../gate/test-kit.ts';
import { addSession, addStories, type SeededStory, setOwner, setStage } from '../../signoff/test-kit.ts';

let t: TestContext;
let po: TestClient;
let builder: TestClient;
let admin: TestClient;
let code: string;
let stories: SeededStory[];
let sessionId: string;

beforeAll(async () => {
  t = await createTestContext();
  const poUser = await t.user({ roles: { FINTX: 'po' } });
  po = await t.client(poUser).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  admin = await t.client(await t.user({ isAdmin: true })).login();
  code = await makeTypedProduct(t, 'FINTX', 'HAND');
  await setOwner(t.deps.handle, code, poUser.id);
  stories = await addStories(t.deps.handle, code, 2);
});
afterAll(async () => t?.close());

const toHandover = (c: TestClient) => c.post(`/api/v1/products/${code}/stage/handover`);
const signSession = (decision: string, conditions = '') =>
  po.post(`/api/v1/products/${code}/signoffs`, { scope: 'session', sessionId, decision, conditions });
const readiness = async () =>
  (await answer(await po.get(`/api/v1/products/${code}/signoffs`), ZSignoffList)).handoverReadiness;

async function refused(res: Response, code: string): Promise<Problem & Record<string, unknown>> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(409);
  const p = await json<Problem & Record<string, unknown>>(res);
  expect(p.code, text).toBe(code);
  return p;
}

describe('UAT → handover', () => {
  it('only a product in UAT moves to handover', async () => {
    await setStage(t.deps.handle, code, 'build');
    const p = await refused(await toHandover(po), 'not_in_uat');
    expect(p.detail).toContain('is in Build');
    await setStage(t.deps.handle, code, 'uat');
  });

  it('without a UAT session, or without a sign-off of its build, it stays in UAT', async () => {
    const none = await refused(await toHandover(po), 'handover_not_ready');
    expect(none.detail).toContain('no UAT session yet');
    sessionId = (await addSession(t.deps.handle, code, 1, '2.0.0', stories)).id;
    const unsigned = await refused(await toHandover(po), 'handover_not_ready');
    expect(unsigned).toMatchObject({ currentBuild: '2.0.0', signoff: null });
    expect(unsigned.detail).toContain('build 2.0.0');
    expect(await readiness()).toMatchObject({ ready: false, currentBuild: '2.0.0' });
  });

  it('a refused sign-off keeps it in UAT with a 409 saying why', async () => {
    await expectStatus(await signSession('refused', 'The receipts are wrong'), 201);
    const p = await refused(await toHandover(po), 'signoff_refused');
    expect(p).toMatchObject({ currentBuild: '2.0.0', signoff: `${code}-SO-1` });
    expect(p.detail).toBe(
      `${code} stays in UAT: ${code}-SO-1 refused build 2.0.0: the product stays in UAT until a new sign-off accepts a build`,
    );
    expect((await json<{ stage: string }>(await po.get(`/api/v1/products/${code}`))).stage).toBe('uat');
  });

  it('a sign-off of an older build does not count once a newer build is under test', async () => {
    await expectStatus(await signSession('signed_with_conditions', 'Fix the font'), 201);
    expect(await readiness()).toMatchObject({ ready: true, signoff: `${code}-SO-2` });
    sessionId = (await addSession(t.deps.handle, code, 2, '2.1.0', stories)).id;
    const p = await refused(await toHandover(po), 'handover_not_ready');
    expect(p).toMatchObject({ currentBuild: '2.1.0', signoff: null });
  });

  it('the PO/VB moves it with an accepting sign-off of the current build, audited; others may not', async () => {
    await expectStatus(await signSession('signed'), 201);
    const denied = await builder.post(`/api/v1/products/${code}/stage/handover`);
    expect(denied.status).toBe(403);
    expect((await json<Problem>(denied)).code).toBe('not_product_owner');
    const res = await toHandover(po);
    await expectStatus(res, 200);
    const product = await answer(res, ZProduct);
    expect(product.stage).toBe('handover');
    expect(res.headers.get('etag')).toBe(`"${product.revision}"`);
    const [event] = await t.deps.handle.raw(
      "select before, after from audit_events where action = 'product.stage_changed' order by id desc limit 1",
    );
    expect(event).toMatchObject({
      before: { stage: 'uat' },
      after: { stage: 'handover', signoff: `${code}-SO-3`, reason: `${code}-SO-3 signed build 2.1.0` },
    });
    await refused(await toHandover(po), 'not_in_uat');
  });

  it('a studio administrator still forces uat → handover over a refusal, with a reason, audited', async () => {
    await setStage(t.deps.handle, code, 'uat');
    await expectStatus(await signSession('refused', 'Payments fail again'), 201);
    await refused(await toHandover(po), 'signoff_refused');
    const body = { stage: 'handover', reason: 'Go-live agreed by the board despite the open receipts issue' };
    const notAdmin = await po.post(`/api/v1/products/${code}/stage`, body);
    expect(notAdmin.status).toBe(403);
    const res = await admin.post(`/api/v1/products/${code}/stage`, body);
    await expectStatus(res, 200);
    expect((await answer(res, ZProduct)).stage).toBe('handover');
    const [event] = await t.deps.handle.raw(
      "select before, after from audit_events where action = 'product.stage_forced' order by id desc limit 1",
    );
    expect(event).toMatchObject({ before: { stage: 'uat' }, after: body });
  });
});

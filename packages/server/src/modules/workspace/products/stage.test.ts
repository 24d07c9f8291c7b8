// Issue #11 §3: the stage follows the gate. PATCH no longer moves it; a studio administrator forces a move with a
// reason (audited, shown on the product until the gate moves it again). Every refusal leaves the stored data as it was.
import type { Problem } from '@pi-studio/core/contract/common';
import { ZProduct, ZProductDetail } from '@pi-studio/core/contract/products';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext, type TestUser } from '../../../../test/harness.ts';
import { storedDataDigester } from '../../../../test/stored-data.ts';
import { testPrd } from '../../gate/test-fixtures.ts';
import { act, createPrd, expectStatus, makeTypedProduct, submit } from '../../gate/test-kit.ts';

let t: TestContext;
let admin: TestClient;
let adminUser: TestUser;
let po: TestClient;
let ops: TestClient;
let digest: () => Promise<unknown>;

beforeAll(async () => {
  t = await createTestContext();
  adminUser = await t.user({ isAdmin: true });
  admin = await t.client(adminUser).login();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  digest = await storedDataDigester(t.deps.handle);
});
afterAll(async () => t?.close());

const detail = async (c: TestClient, code: string) => answer(await c.get(`/api/v1/products/${code}`), ZProductDetail);
const force = (c: TestClient, code: string, body: unknown, headers?: Record<string, string>) =>
  c.post(`/api/v1/products/${code}/stage`, body, { headers });

/** The request is refused with `status`, naming `field` when given, and nothing stored changes. */
async function refused(send: () => Promise<Response>, status: number, field?: string): Promise<Problem> {
  const before = await digest();
  const res = await send();
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await res.json()) as Problem;
  if (field) expect(problem.invalid_params?.map((p) => p.name)).toContain(field);
  expect(await digest()).toEqual(before);
  return problem;
}

describe('PATCH /products/:code no longer moves the stage', () => {
  it('answers 422 naming stage, saying how stages move, and stores nothing (other fields included)', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'PATCHED');
    const problem = await refused(() => po.patch(`/api/v1/products/${code}`, { stage: 'live' }), 422, 'stage');
    const reason = problem.invalid_params?.find((p) => p.name === 'stage')?.reason ?? '';
    expect(reason).toMatch(/submitting the PRD/);
    expect(reason).toContain('POST /products/:code/stage');
    await refused(() => admin.patch(`/api/v1/products/${code}`, { name: 'Renamed', stage: 'build' }), 422, 'stage');
    expect(await detail(po, code)).toMatchObject({ stage: 'intake', name: 'PATCHED', revision: 1 });
  });

  it('still saves every other field as before', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'KEPT');
    const res = await po.patch(
      `/api/v1/products/${code}`,
      { summary: 'Still editable' },
      { headers: { 'if-match': '"1"' } },
    );
    await expectStatus(res, 200);
    expect(await answer(res, ZProduct)).toMatchObject({ summary: 'Still editable', stage: 'intake', revision: 2 });
  });
});

describe('POST /products/:code/stage (studio administrators)', () => {
  let code: string;

  beforeAll(async () => {
    code = await makeTypedProduct(t, 'FINTX', 'FORCED');
  });

  it('refuses anyone but a studio administrator, even with product.update', async () => {
    const problem = await refused(() => po.post(`/api/v1/products/${code}/stage`, { stage: 'uat', reason: 'x' }), 403);
    expect(problem.code).toBe('forbidden');
    await refused(() => ops.post(`/api/v1/products/${code}/stage`, { stage: 'uat', reason: 'x' }), 403);
  });

  it('needs a reason of 1–500 characters, a known stage and a stage other than the current one', async () => {
    await refused(() => force(admin, code, { stage: 'uat' }), 422, 'reason');
    await refused(() => force(admin, code, { stage: 'uat', reason: '   ' }), 422, 'reason');
    await refused(() => force(admin, code, { stage: 'uat', reason: 'x'.repeat(501) }), 422, 'reason');
    await refused(() => force(admin, code, { stage: 'done', reason: 'Signed off' }), 422, 'stage');
    await refused(() => force(admin, code, { stage: 'intake', reason: 'Again' }), 422, 'stage');
    await refused(() => force(admin, 'FINTX-NOPE', { stage: 'uat', reason: 'Signed off' }), 404);
    await refused(() => force(admin, code, { stage: 'uat', reason: 'Signed off' }, { 'if-match': '"7"' }), 409);
  });

  it('moves the product, audits the move and shows who forced it, when and why', async () => {
    const reason = 'UAT signed off on paper by the merchant pilot (ticket OPS-12)';
    const res = await force(admin, code, { stage: 'uat', reason: ` ${reason} ` }, { 'if-match': '"1"' });
    await expectStatus(res, 200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await answer(res, ZProduct)).toMatchObject({ stage: 'uat', revision: 2 });
    const page = await detail(po, code);
    expect(page.stageForced).toMatchObject({
      from: 'intake',
      reason,
      by: { id: adminUser.id, email: adminUser.email },
    });
    expect(Date.parse(page.stageForced?.at ?? '')).not.toBeNaN();

    const audit = (await (await admin.get(`/api/v1/audit?action=product.stage_forced&targetId=${page.id}`)).json()) as {
      items: { action: string; before: unknown; after: unknown; actor: { id: string } }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'product.stage_forced',
        before: { stage: 'intake' },
        after: { stage: 'uat', reason },
        actor: expect.objectContaining({ id: adminUser.id }),
      }),
    ]);
    const board = (await (await po.get(`/api/v1/products?stage=uat&q=FORCED`)).json()) as { items: { code: string }[] };
    expect(board.items.map((p) => p.code)).toEqual([code]);
  });
});

describe('the gate moves the stage by itself, and a forced move gives way to it', () => {
  it('a product forced into the gate stays there on submission and moves to build on a pass; the note goes', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'GATED');
    await expectStatus(await force(admin, code, { stage: 'gate', reason: 'PRD reviewed in the old tool' }), 200);
    const doc = await createPrd(po, code, testPrd('strong'));
    const review = await submit(po, doc.id);
    expect((await detail(po, code)).stage).toBe('gate');
    await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'pass', note: 'Ready' });
    const page = await detail(po, code);
    expect(page).toMatchObject({ stage: 'build', stageForced: null });
  });
});

// Issue #11 §3 at the gate: only real moves happen (a product past intake stays put on submission; a fail moves it
// back only from the gate), the product page and the board show the gate status, and the author of a submitted
// version cannot decide its review while the subsidiary keeps the four-eyes rule (on by default).
import type { Problem } from '@pi-studio/core/contract/common';
import { ZProductDetail, ZProductPage } from '@pi-studio/core/contract/products';
import { ZSubsidiary, ZSubsidiaryList } from '@pi-studio/core/contract/workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import type { TestClient, TestContext } from '../../../../test/harness.ts';
import { storedDataDigester } from '../../../../test/stored-data.ts';
import { testPrd } from '../test-fixtures.ts';
import {
  act,
  createPrd,
  expectStatus,
  MINUTE,
  makeTypedProduct,
  reviewBench,
  saveVersion,
  submit,
} from '../test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let admin: TestClient;
let clock: { now: number };
let digest: () => Promise<unknown>;

beforeAll(async () => {
  ({ t, po, ops, clock } = await reviewBench());
  admin = await t.client(await t.user({ isAdmin: true })).login();
  digest = await storedDataDigester(t.deps.handle);
});
afterAll(async () => t?.close());

const detail = async (c: TestClient, code: string) => answer(await c.get(`/api/v1/products/${code}`), ZProductDetail);
const boardItem = async (c: TestClient, code: string) => {
  const page = await answer(await c.get(`/api/v1/products?q=${code}`), ZProductPage);
  return page.items.find((p) => p.code === code);
};
const force = (code: string, stage: string) =>
  admin.post(`/api/v1/products/${code}/stage`, { stage, reason: 'Set up for the test' });
const decide = (c: TestClient, reviewId: string, verdict: string) =>
  c.post(`/api/v1/gate/reviews/${reviewId}/decision`, { verdict, note: 'Decided in the test' });

describe('the stage moves the gate makes', () => {
  it('leaves a product past intake where it is on submission, on a pass and on a fail', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'LATER');
    await expectStatus(await force(code, 'uat'), 200);
    const doc = await createPrd(po, code, testPrd('medium'));
    const first = await submit(po, doc.id);
    expect((await detail(po, code)).stage).toBe('uat');
    await act(ops, `/api/v1/gate/reviews/${first.id}/decision`, { verdict: 'fail', note: 'Not yet' });
    expect((await detail(po, code)).stage).toBe('uat');
    await saveVersion(po, doc.id, `${testPrd('strong')}\n`);
    const second = await submit(po, doc.id);
    await act(ops, `/api/v1/gate/reviews/${second.id}/decision`, { verdict: 'pass', note: 'Good' });
    // Still in UAT: the verdict froze the baseline but does not pull the product back to build.
    expect(await detail(po, code)).toMatchObject({ stage: 'uat', stageForced: { from: 'intake' } });
  });

  it('moves intake → gate on submission and gate → intake on a fail', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'FAILED');
    const doc = await createPrd(po, code, testPrd('weak'));
    const review = await submit(po, doc.id);
    expect((await detail(po, code)).stage).toBe('gate');
    await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'fail', note: 'See the fixes' });
    expect((await detail(po, code)).stage).toBe('intake');
  });
});

describe('the gate status on the product page and the board', () => {
  const code = 'FINTX-STATUS';

  it('is null until a PRD is submitted', async () => {
    await makeTypedProduct(t, 'FINTX', 'STATUS');
    expect((await detail(po, code)).gate).toBeNull();
    expect((await boardItem(po, code))?.gate).toBeNull();
  });

  it('follows submission, conditions, the verdict and resubmission, read after read (the caches follow too)', async () => {
    const doc = await createPrd(po, code, testPrd('medium'));
    const submittedAt = new Date(clock.now).toISOString();
    const first = await submit(po, doc.id);
    const waiting = {
      reviewId: first.id,
      score: first.engineScore,
      waitingSince: submittedAt,
      verdict: null,
      engineVerdict: null,
    };
    expect((await detail(po, code)).gate).toEqual({ ...waiting, decidedAt: null, openConditions: 0 });
    expect((await boardItem(po, code))?.gate).toEqual({ ...waiting, decidedAt: null, openConditions: 0 });

    clock.now += 30 * MINUTE;
    for (const text of ['Add a metric with a timeframe', 'Name the support owner']) {
      await act(ops, `/api/v1/gate/reviews/${first.id}/conditions`, { text, dueDate: '2099-01-31' });
    }
    // Conditions of a review still waiting are not owed yet.
    expect((await detail(po, code)).gate?.openConditions).toBe(0);
    const decided = await act(ops, `/api/v1/gate/reviews/${first.id}/decision`, {
      verdict: 'conditional',
      note: 'Fix these during the build',
    });
    const status = {
      reviewId: first.id,
      score: decided.score,
      waitingSince: null,
      verdict: 'conditional',
      engineVerdict: first.engineVerdict,
    };
    const decidedAt = new Date(clock.now).toISOString();
    expect((await detail(po, code)).gate).toEqual({ ...status, decidedAt, openConditions: 2 });
    expect((await boardItem(po, code))?.gate).toEqual({ ...status, decidedAt, openConditions: 2 });

    const condition = decided.conditions[0];
    await expectStatus(
      await po.patch(`/api/v1/gate/reviews/${first.id}/conditions/${condition?.id}`, { done: true }),
      200,
    );
    expect((await detail(po, code)).gate?.openConditions).toBe(1);

    clock.now += 30 * MINUTE;
    await saveVersion(po, doc.id, `${testPrd('strong')}\n`);
    const second = await submit(po, doc.id);
    expect((await detail(po, code)).gate).toEqual({
      reviewId: second.id,
      score: second.engineScore,
      waitingSince: new Date(clock.now).toISOString(),
      verdict: 'conditional',
      engineVerdict: first.engineVerdict,
      decidedAt,
      openConditions: 1,
    });
  });
});

describe('the four-eyes rule: an author does not decide their own submission', () => {
  let code: string;
  let reviewId: string;

  beforeAll(async () => {
    code = await makeTypedProduct(t, 'FINTX', 'OWN');
    // ProductOps write and submit this PRD themselves.
    const doc = await createPrd(ops, code, testPrd('strong'));
    reviewId = (await submit(ops, doc.id)).id;
  });

  it('is on by default for every subsidiary', async () => {
    const list = await answer(await admin.get('/api/v1/subsidiaries'), ZSubsidiaryList);
    expect(list.items.length).toBeGreaterThan(0);
    for (const s of list.items) expect(s.gateFourEyes).toBe(true);
  });

  it('refuses the author 403 own_submission and stores nothing; the review still waits', async () => {
    const before = await digest();
    const res = await decide(ops, reviewId, 'pass');
    await expectStatus(res, 403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('own_submission');
    expect(problem.detail).toMatch(/four-eyes/);
    expect(await digest()).toEqual(before);
    expect((await detail(po, code)).stage).toBe('gate');
  });

  it('lets another reviewer decide the same review', async () => {
    const other = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
    const res = await decide(other, reviewId, 'pass');
    await expectStatus(res, 200);
    expect((await detail(po, code)).stage).toBe('build');
  });

  it('can be switched off per subsidiary by a studio administrator only, audited', async () => {
    const body = { gateFourEyes: false };
    const before = await digest();
    await expectStatus(await ops.patch('/api/v1/subsidiaries/FINTX', body), 403);
    expect(await digest()).toEqual(before);

    const res = await admin.patch('/api/v1/subsidiaries/FINTX', body);
    await expectStatus(res, 200);
    expect(await answer(res, ZSubsidiary)).toMatchObject({ code: 'FINTX', gateFourEyes: false });
    const audit = (await (await admin.get('/api/v1/audit?action=subsidiary.gate_rule_changed')).json()) as {
      items: { before: unknown; after: unknown; targetLabel: string }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({
        targetLabel: 'FINTX',
        before: { gateFourEyes: true },
        after: { gateFourEyes: false },
      }),
    ]);

    // Off: the author may decide their own submission.
    const ownCode = await makeTypedProduct(t, 'FINTX', 'OWNOFF');
    const doc = await createPrd(ops, ownCode, testPrd('strong'));
    const review = await submit(ops, doc.id);
    await expectStatus(await decide(ops, review.id, 'pass'), 200);

    // The name alone still renames, and an empty patch is refused.
    await expectStatus(await admin.patch('/api/v1/subsidiaries/FINTX', { name: 'Fintech Ltd' }), 200);
    await expectStatus(await admin.patch('/api/v1/subsidiaries/FINTX', {}), 422);
    await expectStatus(await admin.patch('/api/v1/subsidiaries/FINTX', { gateFourEyes: true }), 200);
  });
});

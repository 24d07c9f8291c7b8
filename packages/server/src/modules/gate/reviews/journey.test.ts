// The studio journey: submit → conditional pass with conditions → resubmit (what changed) → pass; the product's
// stage, the baseline and the metrics follow, and every step leaves its audit event.
import { ZGateMetrics } from '@pi-studio/core/contract/gate';
import { ZGateReview, ZQueue, ZReviewList } from '@pi-studio/core/contract/gate-reviews';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { testPrd } from '../test-fixtures.ts';
import {
  act,
  createPrd,
  expectStatus,
  json,
  makeTypedProduct,
  type Problem,
  type Review,
  saveVersion,
  stageOf,
  submit,
} from '../test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let poId: string;

beforeAll(async () => {
  t = await createTestContext();
  const poUser = await t.user({ roles: { FINTX: 'po' } });
  poId = poUser.id;
  po = await t.client(poUser).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
});
afterAll(async () => t?.close());

const baselineOf = async (documentId: string) =>
  (await t.deps.handle.raw('select baseline_version_id as b from documents where id = $1', [documentId]))[0]?.b;
const versionId = async (documentId: string, version: string) => {
  const [major, minor] = version.split('.').map(Number);
  const rows = await t.deps.handle.raw(
    'select id from document_versions where document_id = $1 and major = $2 and minor = $3',
    [documentId, major, minor],
  );
  return rows[0]?.id;
};

describe('the gate journey', () => {
  let code: string;
  let docId: string;
  let first: Review;
  let second: Review;

  it('submits a PRD: the review is stored and the product moves intake → gate', async () => {
    code = await makeTypedProduct(t, 'FINTX', 'PAY');
    docId = (await createPrd(po, code, testPrd('medium'))).id;
    expect(await stageOf(po, code)).toBe('intake');
    first = await submit(po, docId);
    expect(first).toMatchObject({
      status: 'submitted',
      attempt: 1,
      version: '1.0',
      previousReviewId: null,
      changes: null,
    });
    expect(first.engine.verdict).toBe('conditional');
    expect(first.score).toBe(first.engine.score);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(new Set(first.findings.map((f) => f.id)).size).toBe(first.findings.length);
    expect(await stageOf(po, code)).toBe('gate');
    const again = await po.post(`/api/v1/documents/${docId}/gate`, {});
    expect((await json<Problem>(again)).code).toBe('already_submitted');
    const queue = await answer(await ops.get('/api/v1/gate/queue'), ZQueue);
    expect(queue.items.map((i) => i.reviewId)).toEqual([first.id]);
  });

  it('a conditional pass needs a condition; with one, the product moves to build on that baseline', async () => {
    const refused = await ops.post(`/api/v1/gate/reviews/${first.id}/decision`, { verdict: 'conditional' });
    await expectStatus(refused, 422);
    expect((await json<Problem>(refused)).invalid_params?.[0]?.name).toBe('verdict');
    const withCondition = await act(ops, `/api/v1/gate/reviews/${first.id}/conditions`, {
      text: 'Add Given/When/Then criteria to FR-3 and FR-4',
      ownerId: poId,
      dueDate: '2099-01-15',
    });
    expect(withCondition.conditions).toMatchObject([{ owner: { id: poId }, dueDate: '2099-01-15', done: false }]);
    const decided = await act(ops, `/api/v1/gate/reviews/${first.id}/decision`, {
      verdict: 'conditional',
      note: 'Start the build; close the criteria in sprint 1',
    });
    expect(decided).toMatchObject({ status: 'decided', verdict: 'conditional', firstTime: true });
    expect(await stageOf(po, code)).toBe('build');
    expect(await baselineOf(docId)).toBe(await versionId(docId, '1.0'));
    const twice = await ops.post(`/api/v1/gate/reviews/${first.id}/decision`, { verdict: 'pass', note: 'again' });
    await expectStatus(twice, 409);
    expect((await json<Problem>(twice)).code).toBe('review_decided');
    // The owner ticks the condition off during the build.
    const ticked = await po.patch(`/api/v1/gate/reviews/${first.id}/conditions/${decided.conditions[0]?.id}`, {
      done: true,
    });
    await expectStatus(ticked, 200);
    expect((await answer(ticked, ZGateReview)).conditions[0]?.done).toBe(true);
  });

  it('a resubmission shows the fixed, new and remaining findings; a pass moves the baseline', async () => {
    await saveVersion(po, docId, testPrd('strong'));
    second = await submit(po, docId);
    expect(second).toMatchObject({ attempt: 2, version: '1.1', previousReviewId: first.id });
    const changes = second.changes;
    if (!changes) throw new Error('no changes on a resubmission');
    // The medium PRD mentions design and measurement only in passing; the strong one has sections for both.
    expect(changes.fixed.map((f) => f.criterion)).toEqual(expect.arrayContaining(['ux', 'analytics']));
    expect(changes.remaining.length + changes.new.length).toBe(second.findings.length);
    expect(changes.fixed.length + changes.remaining.length).toBe(first.findings.length);
    const firstIds = new Set(first.findings.map((f) => f.id));
    for (const f of changes.remaining) expect(firstIds.has(f.id)).toBe(true);
    for (const f of changes.new) expect(firstIds.has(f.id)).toBe(false);
    // Already in build: a new gate review does not move the product back.
    expect(await stageOf(po, code)).toBe('build');
    const passed = await act(ops, `/api/v1/gate/reviews/${second.id}/decision`, { verdict: 'pass' });
    expect(passed).toMatchObject({ verdict: 'pass', firstTime: false });
    expect(await baselineOf(docId)).toBe(await versionId(docId, '1.1'));
  });

  it('a fail sends the product back to intake', async () => {
    const code2 = await makeTypedProduct(t, 'FINTX', 'WEAK', 'web_app');
    const doc = await createPrd(po, code2, testPrd('weak', 'KYCFLOW'));
    const review = await submit(po, doc.id);
    expect(review.suggestedVerdict).toBe('fail');
    await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'fail', note: 'See the fix list' });
    expect(await stageOf(po, code2)).toBe('intake');
    expect(await baselineOf(doc.id)).toBeNull();
  });

  it('records every step in the audit trail', async () => {
    const rows = await t.deps.handle.raw(
      `select action, count(*) as n from audit_events where action like 'gate.%' or action in
       ('product.stage_changed', 'document.baseline_set') group by action order by action`,
    );
    const byAction = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
    expect(byAction).toMatchObject({
      'gate.submitted': 3,
      'gate.decided': 3,
      'gate.condition_added': 1,
      'gate.condition_updated': 1,
      'document.baseline_set': 2,
      // intake → gate (PAY), gate → build (PAY), intake → gate and gate → intake (WEAK)
      'product.stage_changed': 4,
    });
  });

  it('metrics: first-time pass rate and the top rejection reasons', async () => {
    const m = await answer(await ops.get('/api/v1/gate/metrics'), ZGateMetrics);
    expect(m).toMatchObject({ reviews: 3, decided: 3, passed: 1, conditional: 1, failed: 1 });
    // PAY passed (conditionally) at its first attempt, WEAK did not.
    expect(m.firstTimePassRate).toBe(50);
    expect(m.bySubsidiary).toEqual([
      expect.objectContaining({ subsidiary: 'FINTX', firstTimePassRate: 50, failed: 1 }),
    ]);
    expect(m.byAuthor).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ id: poId }), submitted: 3 }),
    ]);
    expect(m.byWeek.reduce((n, w) => n + w.submitted, 0)).toBe(3);
    // Expected reasons, computed from the two rejected reviews: blocker/major rules, once per review.
    const rejected = (await answer(await ops.get('/api/v1/gate/reviews'), ZReviewList)).items.filter(
      (r) => r.verdict === 'fail' || r.verdict === 'conditional',
    );
    expect(rejected).toHaveLength(2);
    const expected = new Map<string, number>();
    for (const r of rejected) {
      const full = await answer(await ops.get(`/api/v1/gate/reviews/${r.id}`), ZGateReview);
      const rules = new Set(full.findings.filter((f) => ['blocker', 'major'].includes(f.severity)).map((f) => f.rule));
      for (const rule of rules) expected.set(rule, (expected.get(rule) ?? 0) + 1);
    }
    const top = [...expected.values()].sort((a, b) => b - a).slice(0, 10);
    expect(m.topReasons.map((r) => r.count)).toEqual(top);
    for (const r of m.topReasons) expect(expected.get(r.rule)).toBe(r.count);
    expect(m.topReasons[0]?.count).toBe(2);
  });
});

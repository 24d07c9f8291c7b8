// ProductOps' tools on a review (overrides, waivers with expiry, conditions) and who may use them.
import { ZGateReview, ZQueue } from '@pi-studio/core/contract/gate-reviews';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import type { TestClient, TestContext } from '../../../../test/harness.ts';
import { prdWithBlocker, testPrd } from '../test-fixtures.ts';
import {
  act,
  count,
  createPrd,
  expectStatus,
  json,
  MINUTE,
  makeTypedProduct,
  type Problem,
  type Review,
  reviewBench,
  saveVersion,
  submit,
} from '../test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let nxn: TestClient;
let clock: { now: number };

beforeAll(async () => {
  ({ t, po, ops, clock } = await reviewBench());
  nxn = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
});
afterAll(async () => t?.close());

const problem = async (res: Response) => json<Problem>(res);
const weightedScore = (r: Review) => Math.round(r.criteria.reduce((n, c) => n + c.weight * c.score, 0));

describe('overrides and waivers', () => {
  let review: Review;
  beforeAll(async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'HELD');
    review = await submit(po, (await createPrd(po, code, prdWithBlocker())).id);
  });

  it('starts from the engine: one blocker keeps a high score at conditional', () => {
    const blockers = review.findings.filter((f) => f.severity === 'blocker');
    expect(blockers.map((f) => f.rule)).toEqual(['completeness.placeholder-in-requirement']);
    expect(review.score).toBeGreaterThanOrEqual(80);
    expect(review.suggestedVerdict).toBe('conditional');
  });

  it('an override changes the effective score: Σ weight × (override ?? engine score)', async () => {
    const lowest = [...review.criteria].sort((a, b) => a.score - b.score)[0];
    if (!lowest) throw new Error('no criteria');
    const after = await act(ops, `/api/v1/gate/reviews/${review.id}/overrides`, {
      criterion: lowest.id,
      score: 0,
      reason: 'Checked with the team: nothing usable here',
    });
    const changed = after.criteria.find((c) => c.id === lowest.id);
    expect(changed).toMatchObject({
      score: 0,
      engineScore: lowest.engineScore,
      override: { reason: expect.any(String) },
    });
    expect(after.score).toBe(weightedScore(after));
    expect(after.score).toBeLessThan(review.score);
    expect(after.engine.score).toBe(review.engine.score);
    const restored = await act(ops, `/api/v1/gate/reviews/${review.id}/overrides`, {
      criterion: lowest.id,
      score: 1,
      reason: 'Covered by the linked design review',
    });
    expect(restored.score).toBe(weightedScore(restored));
    expect(restored.score).toBeGreaterThanOrEqual(review.score);
  });

  it('a waived blocker stops counting until the waiver expires', async () => {
    const blocker = review.findings.find((f) => f.severity === 'blocker');
    if (!blocker) throw new Error('no blocker');
    const waived = await act(ops, `/api/v1/gate/reviews/${review.id}/waivers`, {
      findingId: blocker.id,
      reason: 'FR-2 is settled in the bank contract; the PRD catches up next sprint',
      expiresAt: new Date(clock.now + 30 * MINUTE).toISOString(),
    });
    expect(waived.findings.find((f) => f.id === blocker.id)?.waiver).toMatchObject({
      expiresAt: new Date(clock.now + 30 * MINUTE).toISOString(),
    });
    expect(waived.suggestedVerdict).toBe('pass');
    // (Sessions idle out after an hour, so the test's clock moves less than that.)
    clock.now += 31 * MINUTE;
    const expired = await answer(await ops.get(`/api/v1/gate/reviews/${review.id}`), ZGateReview);
    expect(expired.suggestedVerdict).toBe('conditional');
    const past = await ops.post(`/api/v1/gate/reviews/${review.id}/waivers`, {
      findingId: blocker.id,
      reason: 'again',
      expiresAt: new Date(clock.now - MINUTE).toISOString(),
    });
    await expectStatus(past, 422);
    expect((await problem(past)).invalid_params?.[0]?.name).toBe('expiresAt');
  });

  it('names bad input and stores nothing', async () => {
    const before = [
      await count(t, 'gate_overrides'),
      await count(t, 'gate_waivers'),
      await count(t, 'gate_conditions'),
    ];
    const cases: [string, unknown, string][] = [
      ['overrides', { criterion: 'vibes', score: 0.5, reason: 'x' }, 'criterion'],
      ['overrides', { criterion: 'ux', score: 1.5, reason: 'x' }, 'score'],
      ['waivers', { findingId: 'f-000000000000', reason: 'x', expiresAt: '2099-01-01' }, 'findingId'],
      ['conditions', { text: 'Fix', dueDate: '31/12/2099' }, 'dueDate'],
      [
        'conditions',
        { text: 'Fix', dueDate: '2099-12-31', ownerId: '00000000-0000-4000-8000-000000000000' },
        'ownerId',
      ],
      ['decision', { verdict: 'maybe' }, 'verdict'],
    ];
    for (const [path, body, field] of cases) {
      const res = await ops.post(`/api/v1/gate/reviews/${review.id}/${path}`, body);
      await expectStatus(res, 422);
      expect(
        (await problem(res)).invalid_params?.map((p) => p.name),
        path,
      ).toContain(field);
    }
    const after = [await count(t, 'gate_overrides'), await count(t, 'gate_waivers'), await count(t, 'gate_conditions')];
    expect(after).toEqual(before);
  });

  it('a verdict above the suggestion needs a note', async () => {
    const res = await ops.post(`/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'pass' });
    await expectStatus(res, 422);
    expect((await problem(res)).invalid_params?.[0]?.name).toBe('note');
  });
});

describe('permissions and stale reviews', () => {
  let review: Review;
  let docId: string;
  beforeAll(async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'PERM');
    docId = (await createPrd(po, code, testPrd('medium'))).id;
    review = await submit(po, docId);
  });

  it('a PO cannot decide, override, waive or add conditions (403)', async () => {
    for (const [path, body] of [
      ['decision', { verdict: 'pass', note: 'mine' }],
      ['overrides', { criterion: 'ux', score: 1, reason: 'mine' }],
      ['waivers', { findingId: review.findings[0]?.id, reason: 'mine', expiresAt: '2099-01-01' }],
      ['conditions', { text: 'mine', dueDate: '2099-01-01' }],
    ] as const) {
      const res = await po.post(`/api/v1/gate/reviews/${review.id}/${path}`, body);
      await expectStatus(res, 403);
    }
  });

  it('an NXN user gets 404 on a FINTX review and does not see it in lists', async () => {
    await expectStatus(await nxn.get(`/api/v1/gate/reviews/${review.id}`), 404);
    await expectStatus(await nxn.post(`/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'fail' }), 404);
    await expectStatus(await nxn.post(`/api/v1/documents/${docId}/gate`, {}), 404);
    const lists = [await nxn.get('/api/v1/gate/queue'), await nxn.get('/api/v1/gate/reviews')];
    for (const res of lists) expect(await res.text()).not.toContain('FINTX-PERM');
    await expectStatus(await nxn.get('/api/v1/gate/reviews/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('only PRDs go to the gate (422), unknown versions are named', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'CTX');
    const ctxDoc = await po.post(`/api/v1/products/${code}/documents`, { kind: 'context', body: '# Context\n' });
    const id = (await json<{ id: string }>(ctxDoc)).id;
    const before = await count(t, 'gate_reviews');
    const res = await po.post(`/api/v1/documents/${id}/gate`, {});
    await expectStatus(res, 422);
    expect((await problem(res)).code).toBe('not_a_prd');
    const missing = await po.post(`/api/v1/documents/${docId}/gate`, { version: '9.9' });
    await expectStatus(missing, 422);
    expect((await problem(missing)).invalid_params?.[0]?.name).toBe('version');
    expect(await count(t, 'gate_reviews')).toBe(before);
  });

  it('a newer version supersedes the waiting review; acting on the old one is a 409', async () => {
    await saveVersion(po, docId, testPrd('strong'));
    const next = await submit(po, docId);
    expect(next).toMatchObject({ attempt: 2, previousReviewId: review.id });
    const old = await answer(await ops.get(`/api/v1/gate/reviews/${review.id}`), ZGateReview);
    expect(old.status).toBe('superseded');
    const late = await ops.post(`/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'fail' });
    await expectStatus(late, 409);
    expect((await problem(late)).code).toBe('review_superseded');
    const queue = await answer(await ops.get('/api/v1/gate/queue?subsidiary=FINTX'), ZQueue);
    expect(queue.items.map((i) => i.reviewId)).toContain(next.id);
    expect(queue.items.map((i) => i.reviewId)).not.toContain(review.id);
  });

  it('only ProductOps change what a condition asks; editors may tick it off', async () => {
    const queue = await answer(await ops.get('/api/v1/gate/queue?subsidiary=FINTX'), ZQueue);
    const id = queue.items.at(-1)?.reviewId;
    const withOne = await act(ops, `/api/v1/gate/reviews/${id}/conditions`, {
      text: 'Add a rollback plan',
      dueDate: '2099-02-01',
    });
    const conditionId = withOne.conditions[0]?.id;
    const edit = await po.patch(`/api/v1/gate/reviews/${id}/conditions/${conditionId}`, { text: 'Nothing to do' });
    await expectStatus(edit, 403);
    await expectStatus(await po.patch(`/api/v1/gate/reviews/${id}/conditions/${conditionId}`, { done: true }), 200);
    const moved = await ops.patch(`/api/v1/gate/reviews/${id}/conditions/${conditionId}`, { dueDate: '2099-03-01' });
    expect((await answer(moved, ZGateReview)).conditions[0]).toMatchObject({ dueDate: '2099-03-01', done: true });
  });
});

// Taking back what ProductOps added (overrides, waivers) and waivers following a finding to the next attempt.
import { ZGateReview } from '@pi-studio/core/contract/gate-reviews';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import type { TestClient, TestContext } from '../../../../test/harness.ts';
import { prdWithBlocker, testPrd } from '../test-fixtures.ts';
import {
  act,
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
let clock: { now: number };

beforeAll(async () => {
  ({ t, po, ops, clock } = await reviewBench());
});
afterAll(async () => t?.close());

const blockerOf = (r: Review) => {
  const f = r.findings.find((x) => x.severity === 'blocker');
  if (!f) throw new Error('no blocker');
  return f;
};

async function auditActions(reviewId: string): Promise<{ action: string; after: unknown }[]> {
  const rows = await t.deps.handle.raw('select action, after from audit_events where target_id = $1 order by id', [
    reviewId,
  ]);
  return rows.map((r) => ({ action: String(r.action), after: r.after }));
}

describe('removing overrides and waivers', () => {
  let review: Review;
  beforeAll(async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'TAKEBACK');
    review = await submit(po, (await createPrd(po, code, prdWithBlocker())).id);
  });

  it("removing an override brings back the engine's score", async () => {
    const criterion = review.criteria[0];
    if (!criterion) throw new Error('no criteria');
    const body = { criterion: criterion.id, score: 0, reason: 'Not what the team agreed' };
    const overridden = await act(ops, `/api/v1/gate/reviews/${review.id}/overrides`, body);
    expect(overridden.score).toBeLessThan(review.score);
    const res = await ops.delete(`/api/v1/gate/reviews/${review.id}/overrides/${criterion.id}`);
    await expectStatus(res, 200);
    const back = await answer(res, ZGateReview);
    expect(back.criteria.find((c) => c.id === criterion.id)).toMatchObject({
      override: null,
      score: criterion.engineScore,
    });
    expect(back.score).toBe(review.score);
    expect((await auditActions(review.id)).map((e) => e.action)).toContain('gate.override_removed');

    const again = await ops.delete(`/api/v1/gate/reviews/${review.id}/overrides/${criterion.id}`);
    await expectStatus(again, 404);
    expect((await json<Problem>(again)).invalid_params?.[0]?.name).toBe('path.criterion');
  });

  it('removing a waiver makes the finding count again', async () => {
    const blocker = blockerOf(review);
    const body = { findingId: blocker.id, reason: 'Settled in the contract', expiresAt: '2099-01-01' };
    expect((await act(ops, `/api/v1/gate/reviews/${review.id}/waivers`, body)).suggestedVerdict).toBe('pass');
    const res = await ops.delete(`/api/v1/gate/reviews/${review.id}/waivers/${blocker.id}`);
    await expectStatus(res, 200);
    const back = await answer(res, ZGateReview);
    expect(back.findings.find((f) => f.id === blocker.id)?.waiver).toBeNull();
    expect(back.suggestedVerdict).toBe('conditional');
    expect((await auditActions(review.id)).map((e) => e.action)).toContain('gate.waiver_removed');
    await expectStatus(await ops.delete(`/api/v1/gate/reviews/${review.id}/waivers/${blocker.id}`), 404);
  });

  it('only ProductOps remove, and only while the review waits for its verdict', async () => {
    const blocker = blockerOf(review);
    await act(ops, `/api/v1/gate/reviews/${review.id}/waivers`, {
      findingId: blocker.id,
      reason: 'Pilot only',
      expiresAt: '2099-01-01',
    });
    await expectStatus(await po.delete(`/api/v1/gate/reviews/${review.id}/waivers/${blocker.id}`), 403);
    await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'fail', note: 'Not yet' });
    const late = await ops.delete(`/api/v1/gate/reviews/${review.id}/waivers/${blocker.id}`);
    await expectStatus(late, 409);
    expect((await json<Problem>(late)).code).toBe('review_decided');
    const kept = await answer(await ops.get(`/api/v1/gate/reviews/${review.id}`), ZGateReview);
    expect(kept.findings.find((f) => f.id === blocker.id)?.waiver).toMatchObject({ reason: 'Pilot only' });
  });
});

describe('waivers on resubmission', () => {
  it('follow the findings that remain, unless expired, marked as carried', async () => {
    const code = await makeTypedProduct(t, 'FINTX', 'CARRY');
    const doc = await createPrd(po, code, prdWithBlocker());
    const first = await submit(po, doc.id);
    const blocker = blockerOf(first);
    const other = first.findings.find((f) => f.id !== blocker.id);
    if (!other) throw new Error('the PRD needs a second finding');
    const waivers = `/api/v1/gate/reviews/${first.id}/waivers`;
    await act(ops, waivers, { findingId: blocker.id, reason: 'Bank contract settles FR-2', expiresAt: '2099-01-01' });
    await act(ops, waivers, {
      findingId: other.id,
      reason: 'Only for this week',
      expiresAt: new Date(clock.now + 10 * MINUTE).toISOString(),
    });
    await act(ops, `/api/v1/gate/reviews/${first.id}/decision`, { verdict: 'fail', note: 'Fix the rest first' });
    clock.now += 11 * MINUTE;

    await saveVersion(po, doc.id, `${prdWithBlocker()}\n`.replace('# ', '# Revised: '));
    const second = await submit(po, doc.id);
    expect(second.attempt).toBe(2);
    expect(second.findings.find((f) => f.id === blocker.id)?.waiver).toMatchObject({
      reason: 'Bank contract settles FR-2',
      carriedFromReviewId: first.id,
    });
    expect(second.findings.find((f) => f.id === other.id)?.waiver ?? null).toBeNull();
    expect(second.suggestedVerdict).toBe('pass'); // the carried waiver still hides the blocker
    const submitted = (await auditActions(second.id)).find((e) => e.action === 'gate.submitted');
    expect(submitted?.after).toMatchObject({ carriedWaivers: [blocker.id] });

    // Once the blocker is fixed there is nothing left to carry it to.
    await saveVersion(po, doc.id, testPrd('strong'));
    const third = await submit(po, doc.id);
    expect(third.findings.some((f) => f.id === blocker.id)).toBe(false);
    expect(third.findings.filter((f) => f.waiver?.carriedFromReviewId)).toEqual([]);
  });
});

// ProductOps at the gate: overrides, waivers, conditions and the verdict. Each change is one transaction
// with its audit event, taken under a lock on the review so a decision cannot race an edit.
import type { DecisionBody } from '@pi-studio/core/contract/gate-reviews';
import type { Verdict } from '@pi-studio/core/gate/types';
import type { Tx } from '../../db/client.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { conflict, notFound, validationFailed } from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { reviewFor } from './policy.ts';
import { presentReviewById, reviewView } from './reviews.service.ts';
import { findReview, lockReviewStatus, type ReviewRecord, recordDecision } from './reviews-repo.ts';
import { moveProductStage, setBaseline } from './stage-repo.ts';

export type OpenReviewStep = (tx: Tx, review: ReviewRecord) => Promise<void>;

/** Runs `step` on a review still waiting for its verdict; decided or superseded reviews answer 409. */
export async function onOpenReview(ctx: UseCaseCtx, id: string, step: OpenReviewStep) {
  const review = await reviewFor(ctx, id, 'gate.review');
  await ctx.deps.db.transaction(async (tx) => {
    const status = await lockReviewStatus(tx, id);
    if (status === 'decided') throw conflict('review_decided', 'this review already has its verdict');
    if (status === 'superseded') {
      throw conflict('review_superseded', 'a newer version of this PRD was submitted; work on that review instead');
    }
    if (status !== 'submitted') throw notFound('gate review');
    await step(tx, review);
  });
  return presentReviewById(ctx.deps, id);
}

export const reviewLabel = (r: ReviewRecord) => `${r.product.code}-PRD v${r.version.major}.${r.version.minor}`;

const RANK: Record<Verdict, number> = { fail: 0, conditional: 1, pass: 2 };

export async function decide(ctx: UseCaseCtx, id: string, body: DecisionBody) {
  const actor = ctx.requireActor();
  return onOpenReview(ctx, id, async (tx, stale) => {
    const review = (await findReview(tx, id)) ?? stale;
    const now = ctx.deps.now();
    const { view, conditions } = await reviewView(tx, now, review);
    if (body.verdict === 'conditional' && conditions.length === 0) {
      throw validationFailed([
        { name: 'verdict', reason: 'a conditional pass needs at least one condition: add the fixes first' },
      ]);
    }
    if (RANK[body.verdict] > RANK[view.suggestedVerdict] && !body.note) {
      throw validationFailed([
        { name: 'note', reason: `explain a verdict above the rubric's suggestion (${view.suggestedVerdict})` },
      ]);
    }
    const firstTime = review.attempt === 1 && body.verdict !== 'fail';
    const recorded = await recordDecision(tx, id, {
      verdict: body.verdict,
      finalScore: view.score,
      firstTime,
      by: actor.userId,
      at: now,
      note: body.note,
    });
    if (!recorded) throw conflict('review_decided', 'this review already has its verdict');
    const label = reviewLabel(review);
    const passed = body.verdict !== 'fail';
    const left = passed
      ? await moveProductStage(tx, review.product.id, ['intake', 'gate'], 'build', now)
      : await moveProductStage(tx, review.product.id, ['gate'], 'intake', now);
    const scope = { subsidiaryId: review.product.subsidiaryId };
    if (left) {
      await writeAudit(tx, ctx.who(), {
        action: 'product.stage_changed',
        targetType: 'product',
        targetId: review.product.id,
        targetLabel: review.product.code,
        ...scope,
        before: { stage: left },
        after: { stage: passed ? 'build' : 'intake', reason: `gate verdict ${body.verdict} on ${label}` },
      });
    }
    if (passed) {
      const before = await setBaseline(tx, review.document.id, review.version.id);
      await writeAudit(tx, ctx.who(), {
        action: 'document.baseline_set',
        targetType: 'document',
        targetId: review.document.id,
        targetLabel: label,
        ...scope,
        before: { baselineVersionId: before },
        after: { baselineVersionId: review.version.id, contentHash: review.version.contentHash },
      });
    }
    await writeAudit(tx, ctx.who(), {
      action: 'gate.decided',
      targetType: 'gate_review',
      targetId: id,
      targetLabel: label,
      ...scope,
      before: { status: 'submitted', suggestedVerdict: view.suggestedVerdict, engineVerdict: review.engineVerdict },
      after: {
        status: 'decided',
        verdict: body.verdict,
        score: view.score,
        firstTime,
        attempt: review.attempt,
        note: body.note,
        conditions: conditions.length,
      },
    });
  });
}

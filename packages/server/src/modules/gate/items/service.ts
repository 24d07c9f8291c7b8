// Overrides, waivers and conditions on a review. Each is validated against the stored review (its criteria,
// its findings), written with its audit event in one transaction, and answered with the recomputed review.
import type { ConditionBody, ConditionPatch, OverrideBody, WaiverBody } from '@pi-studio/core/contract/gate-reviews';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, notFound, validationFailed } from '../../../use-case/errors.ts';
import { type AuditEntry, writeAudit } from '../../audit/writer.ts';
import { requireGateReviewer, reviewFor } from '../reviews/policy.ts';
import { activeUser, lockReviewStatus, type ReviewRecord } from '../reviews/repo.ts';
import { onOpenReview, presentReviewById, reviewLabel } from '../reviews/service.ts';
import {
  deleteOverride,
  deleteWaiver,
  findCondition,
  insertCondition,
  listOverrides,
  updateCondition,
  upsertOverride,
  upsertWaiver,
} from './repo.ts';

const audit = (r: ReviewRecord, action: AuditEntry['action'], before: unknown, after: unknown) => ({
  action,
  targetType: 'gate_review',
  targetId: r.id,
  targetLabel: reviewLabel(r),
  subsidiaryId: r.product.subsidiaryId,
  before,
  after,
});

export async function overrideCriterion(ctx: UseCaseCtx, id: string, body: OverrideBody) {
  const actor = ctx.requireActor();
  return onOpenReview(ctx, id, async (tx, review) => {
    const criterion = review.report.criteria.find((c) => c.id === body.criterion);
    if (!criterion) {
      const known = review.report.criteria.map((c) => c.id).join(', ');
      throw validationFailed([{ name: 'criterion', reason: `not in this review's rubric (known: ${known})` }]);
    }
    const previous = (await listOverrides(tx, id)).find((o) => o.criterion === body.criterion);
    await upsertOverride(tx, { reviewId: id, ...body, byId: actor.userId, at: ctx.deps.now() });
    await writeAudit(
      tx,
      ctx.who(),
      audit(
        review,
        'gate.criterion_overridden',
        { criterion: body.criterion, score: previous?.score ?? criterion.score, engineScore: criterion.score },
        { criterion: body.criterion, score: body.score, reason: body.reason },
      ),
    );
  });
}

/** The override goes; the engine's score for the criterion counts again. */
export async function removeOverride(ctx: UseCaseCtx, id: string, criterion: string) {
  return onOpenReview(ctx, id, async (tx, review) => {
    const removed = await deleteOverride(tx, id, criterion);
    if (!removed)
      throw notFound(`override of ${criterion}`, [{ name: 'path.criterion', reason: 'no override to remove' }]);
    const engineScore = review.report.criteria.find((c) => c.id === criterion)?.score ?? null;
    await writeAudit(
      tx,
      ctx.who(),
      audit(
        review,
        'gate.override_removed',
        { criterion, score: removed.score, reason: removed.reason },
        { criterion, score: engineScore, engineScore },
      ),
    );
  });
}

/** The waiver goes; the finding counts toward the suggested verdict again. */
export async function removeWaiver(ctx: UseCaseCtx, id: string, findingId: string) {
  return onOpenReview(ctx, id, async (tx, review) => {
    const removed = await deleteWaiver(tx, id, findingId);
    if (!removed) throw notFound(`waiver of ${findingId}`, [{ name: 'path.findingId', reason: 'no waiver to remove' }]);
    await writeAudit(
      tx,
      ctx.who(),
      audit(
        review,
        'gate.waiver_removed',
        { findingId, reason: removed.reason, expiresAt: removed.expiresAt.toISOString() },
        null,
      ),
    );
  });
}

/** A date alone means "until the end of that day" (UTC). */
const endOf = (value: string) => new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value);

export async function waiveFinding(ctx: UseCaseCtx, id: string, body: WaiverBody) {
  const actor = ctx.requireActor();
  return onOpenReview(ctx, id, async (tx, review) => {
    const finding = review.report.findings.find((f) => f.id === body.findingId);
    if (!finding) throw validationFailed([{ name: 'findingId', reason: 'no finding with this id in this review' }]);
    const expiresAt = endOf(body.expiresAt);
    const now = ctx.deps.now();
    if (expiresAt.getTime() <= now.getTime()) {
      throw validationFailed([{ name: 'expiresAt', reason: 'must be in the future' }]);
    }
    await upsertWaiver(tx, {
      reviewId: id,
      findingId: finding.id,
      reason: body.reason,
      expiresAt,
      byId: actor.userId,
      at: now,
    });
    await writeAudit(
      tx,
      ctx.who(),
      audit(review, 'gate.finding_waived', null, {
        findingId: finding.id,
        rule: finding.rule,
        severity: finding.severity,
        reason: body.reason,
        expiresAt: expiresAt.toISOString(),
      }),
    );
  });
}

async function checkOwner(db: Executor, ownerId: string | null | undefined) {
  if (ownerId && !(await activeUser(db, ownerId))) {
    throw validationFailed([{ name: 'ownerId', reason: 'no active user with this id' }]);
  }
}

const today = (ctx: UseCaseCtx) => ctx.deps.now().toISOString().slice(0, 10);

function checkDueDate(ctx: UseCaseCtx, dueDate: string | undefined) {
  if (dueDate && dueDate < today(ctx)) throw validationFailed([{ name: 'dueDate', reason: 'must not be in the past' }]);
}

export async function addCondition(ctx: UseCaseCtx, id: string, body: ConditionBody) {
  const actor = ctx.requireActor();
  return onOpenReview(ctx, id, async (tx, review) => {
    await checkOwner(tx, body.ownerId);
    checkDueDate(ctx, body.dueDate);
    const conditionId = await insertCondition(tx, {
      reviewId: id,
      text: body.text,
      ownerId: body.ownerId ?? null,
      dueDate: body.dueDate,
      createdBy: actor.userId,
      at: ctx.deps.now(),
    });
    await writeAudit(
      tx,
      ctx.who(),
      audit(review, 'gate.condition_added', null, { conditionId, ...body, ownerId: body.ownerId ?? null }),
    );
  });
}

/**
 * Owners tick conditions off while the product is built (anyone who may edit the PRD); changing what a
 * condition asks, who owns it or when it is due stays with ProductOps. Works before and after the verdict.
 */
export async function patchCondition(ctx: UseCaseCtx, id: string, conditionId: string, patch: ConditionPatch) {
  const review = await reviewFor(ctx, id, 'document.write');
  const { done, ...terms } = patch;
  if (Object.values(terms).some((v) => v !== undefined)) requireGateReviewer(ctx, review.product.subsidiaryId);
  await checkOwner(ctx.deps.db, patch.ownerId);
  checkDueDate(ctx, patch.dueDate);
  await ctx.deps.db.transaction(async (tx) => {
    const status = await lockReviewStatus(tx, id);
    if (status === 'superseded') {
      throw conflict(
        'review_superseded',
        'a newer version of this PRD was submitted; its review has the conditions now',
      );
    }
    const condition = await findCondition(tx, id, conditionId);
    if (!condition) throw notFound('condition');
    const now = ctx.deps.now();
    const change = {
      ...terms,
      ...(done === undefined || done === condition.done ? {} : { done, doneAt: done ? now : null }),
    };
    // Ticking a condition that is already ticked changes nothing and records nothing.
    if (Object.keys(change).length === 0) return;
    await updateCondition(tx, conditionId, change);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, condition[k as keyof typeof condition]]));
    await writeAudit(
      tx,
      ctx.who(),
      audit(
        review,
        'gate.condition_updated',
        { conditionId, ...before },
        {
          conditionId,
          ...patch,
        },
      ),
    );
  });
  return presentReviewById(ctx.deps, id);
}

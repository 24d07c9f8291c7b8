// Reading reviews: the full reviewer view (effective scores, waivers, conditions), lists and the queue.
import type { GateReview, ReviewsQuery } from '@pi-studio/core/contract/gate-reviews';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../use-case/actor.ts';
import { visibleSubsidiaries } from '../../use-case/actor.ts';
import type { Deps } from '../../use-case/deps.ts';
import { effectiveReview } from './effective.ts';
import { listConditions, listOverrides, listWaivers } from './items-repo.ts';
import { presentQueueItem, presentReview, presentReviewSummary } from './presenters.ts';
import { findReview, listReviews, type ReviewRecord } from './reviews-repo.ts';
import { loadRubric } from './rubrics-repo.ts';

/** The reviewer's view; verdict rules come from the rubric version the review was scored with. */
export async function reviewView(db: Executor, now: Date, review: ReviewRecord) {
  // Sequential on purpose: inside a PGlite transaction there is one connection to share.
  const rubric = await loadRubric(db, review.rubricRowId);
  const overrides = await listOverrides(db, review.id);
  const waivers = await listWaivers(db, review.id);
  const conditions = await listConditions(db, review.id);
  const view = effectiveReview(review.report, rubric.verdict, overrides, waivers, now);
  return { view, conditions, rubric };
}

export async function presentReviewRecord(deps: Deps, review: ReviewRecord): Promise<GateReview> {
  const { view, conditions, rubric } = await reviewView(deps.db, deps.now(), review);
  return presentReview(review, view, conditions, rubric.name);
}

/** After a change: reads the review again, so the answer shows what was committed. */
export async function presentReviewById(deps: Deps, id: string): Promise<GateReview> {
  const review = await findReview(deps.db, id);
  if (!review) throw new Error(`review ${id} vanished`);
  return presentReviewRecord(deps, review);
}

export async function reviewList(deps: Deps, actor: Actor, q: ReviewsQuery) {
  const rows = await listReviews(deps.db, {
    visible: visibleSubsidiaries(actor),
    productCode: q.product,
    documentId: q.document,
    status: q.status,
    limit: q.limit,
  });
  return { items: rows.map(presentReviewSummary) };
}

const QUEUE_LIMIT = 500;

/** Submitted reviews, oldest first: the longest wait is at the top of ProductOps' list. */
export async function gateQueue(deps: Deps, actor: Actor, subsidiary?: string) {
  const rows = await listReviews(deps.db, {
    visible: visibleSubsidiaries(actor),
    status: 'submitted',
    subsidiaryCode: subsidiary,
    limit: QUEUE_LIMIT,
    oldestFirst: true,
  });
  const now = deps.now();
  return { items: rows.map((r) => presentQueueItem(r, now)) };
}

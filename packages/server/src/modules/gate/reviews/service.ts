// The review's life: submitting a PRD version to the gate (scored with the active rubric and the Golden library,
// linked to the previous review with what changed; the product moves from intake to the gate), reading reviews
// (the reviewer's view with effective scores, waivers and conditions; lists; the queue) and the verdict. Each
// change is one transaction with its audit event, taken under a lock on the review so a decision cannot race an
// edit (onOpenReview, also used by items/service.ts).
import type { DecisionBody, GateReview, ReviewsQuery, SubmitBody } from '@pi-studio/core/contract/gate-reviews';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { formatVersion, parseVersion } from '@pi-studio/core/documents/version';
import type { Verdict } from '@pi-studio/core/gate/types';
import { GATE_MOVES } from '@pi-studio/core/workspace/stages';
import type { Executor, Tx } from '../../../db/client.ts';
import { jobProblem } from '../../../lib/jobs/problems.ts';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import type { Deps } from '../../../use-case/deps.ts';
import { conflict, Forbidden, Invalid, notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { documentFor } from '../../documents/policy.ts';
import { type DocumentRecord, findVersion, findVersionById, type VersionWithBody } from '../../documents/repo.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { goldenForScoring } from '../golden/repo.ts';
import { carryWaivers, listConditions, listOverrides, listWaivers } from '../items/repo.ts';
import { findActiveRubricId, loadRubric } from '../rubrics/repo.ts';
import { effectiveReview } from './effective.ts';
import { diffFindings } from './findings.ts';
import { reviewFor } from './policy.ts';
import { presentQueueItem, presentReview, presentReviewSummary } from './presenters.ts';
import {
  findReview,
  fourEyesRuleOn,
  insertReview,
  latestReviewOf,
  listReviews,
  lockDocument,
  lockReviewStatus,
  moveProductStage,
  type ReviewRecord,
  recordDecision,
  setBaseline,
  supersedeReview,
} from './repo.ts';
import { GATE_INLINE_MAX_CHARS, type Scored, type ScoreInput, scoreJob } from './score-job.ts';

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

async function presentReviewRecord(deps: Deps, review: ReviewRecord): Promise<GateReview> {
  const { view, conditions, rubric } = await reviewView(deps.db, deps.now(), review);
  return presentReview(review, view, conditions, rubric.name);
}

/** After a change: reads the review again, so the answer shows what was committed. */
export async function presentReviewById(deps: Deps, id: string): Promise<GateReview> {
  const review = await findReview(deps.db, id);
  if (!review) throw new Error(`review ${id} vanished`);
  return presentReviewRecord(deps, review);
}

/** A review: engine report, effective criterion scores, findings with waivers, conditions, changes. */
export async function getReview(ctx: UseCaseCtx, id: string): Promise<GateReview> {
  const review = await reviewFor(ctx, id, 'document.read');
  return presentReviewRecord(ctx.deps, review);
}

/** Reviews in the subsidiaries the actor can see, newest first. */
export async function reviewList(ctx: UseCaseCtx, q: ReviewsQuery) {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const rows = await listReviews(ctx.deps.db, {
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
export async function gateQueue(ctx: UseCaseCtx, subsidiary?: string) {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const rows = await listReviews(ctx.deps.db, {
    visible: visibleSubsidiaries(actor),
    status: 'submitted',
    subsidiaryCode: subsidiary,
    limit: QUEUE_LIMIT,
    oldestFirst: true,
  });
  const now = ctx.deps.now();
  return { items: rows.map((r) => presentQueueItem(r, now)) };
}

async function versionToGate(ctx: UseCaseCtx, doc: DocumentRecord, text?: string): Promise<VersionWithBody> {
  const wanted = text ? parseVersion(text) : null;
  const version = wanted
    ? await findVersion(ctx.deps.db, doc.id, wanted)
    : doc.currentVersionId
      ? await findVersionById(ctx.deps.db, doc.currentVersionId)
      : null;
  if (!version) {
    throw validationFailed([{ name: 'version', reason: text ? `version ${text} does not exist` : 'no version yet' }]);
  }
  return version;
}

/** Ordinary PRDs are scored inline; large ones in the job pool so the event loop keeps answering. */
async function score(ctx: UseCaseCtx, input: ScoreInput): Promise<Scored> {
  if (input.body.length <= GATE_INLINE_MAX_CHARS) return scoreJob(input);
  try {
    return await ctx.deps.jobs.run('gate.score', input);
  } catch (err) {
    throw jobProblem(err, { code: 'document_too_complex', field: 'version', what: 'this version' });
  }
}

export async function submitToGate(ctx: UseCaseCtx, documentId: string, body: SubmitBody) {
  const actor = ctx.requireActor();
  const doc = await documentFor(ctx, documentId, 'document.write');
  if (doc.kind !== 'prd') {
    throw new Invalid(
      [{ name: 'path.id', reason: `is a ${doc.kind} document, not a PRD` }],
      'not_a_prd',
      `${documentCode(doc.product.code, doc.kind)} is not a PRD; only PRDs go through the gate`,
    );
  }
  const version = await versionToGate(ctx, doc, body.version);
  const rubricRowId = await findActiveRubricId(ctx.deps.db);
  if (!rubricRowId) throw conflict('no_active_rubric', 'no rubric is active; an administrator must activate one');
  const product = await findProduct(ctx.deps.db, doc.product.code);
  if (!product) throw new Error(`product of document ${doc.id} vanished`);
  const rubric = await loadRubric(ctx.deps.db, rubricRowId);
  const { report, citations } = await score(ctx, {
    body: version.body,
    rubric,
    golden: await goldenForScoring(ctx.deps.db),
    where: { subsidiary: doc.product.subsidiaryCode, productType: product.product.productType },
  });
  const now = ctx.deps.now();
  const label = `${documentCode(doc.product.code, doc.kind)} v${formatVersion(version)}`;

  const reviewId = await ctx.deps.db.transaction(async (tx) => {
    await lockDocument(tx, doc.id);
    const previous = await latestReviewOf(tx, doc.id);
    if (previous?.status === 'submitted' && previous.versionId === version.id) {
      throw conflict('already_submitted', `${label} is already waiting in the gate queue`);
    }
    // A newer version replaces one still waiting: ProductOps reviews what the author means now.
    if (previous?.status === 'submitted') await supersedeReview(tx, previous.id);
    const attempt = (previous?.attempt ?? 0) + 1;
    const id = await insertReview(tx, {
      documentId: doc.id,
      versionId: version.id,
      rubricRowId,
      report,
      engineScore: report.score,
      engineVerdict: report.verdict,
      status: 'submitted',
      attempt,
      previousReviewId: previous?.id ?? null,
      changes: previous ? diffFindings(previous.report.findings, report.findings) : null,
      goldenCitations: citations,
      submittedBy: actor.userId,
      submittedAt: now,
    });
    const carried = previous
      ? await carryWaivers(tx, { reviewId: previous.id, findingIds: report.findings.map((f) => f.id) }, id, now)
      : [];
    const { from, to } = GATE_MOVES.submitted;
    const left = await moveProductStage(tx, doc.product.id, from, to, now);
    if (left) {
      await writeAudit(tx, ctx.who(), {
        action: 'product.stage_changed',
        targetType: 'product',
        targetId: doc.product.id,
        targetLabel: doc.product.code,
        subsidiaryId: doc.product.subsidiaryId,
        before: { stage: left },
        after: { stage: to, reason: `${label} submitted to the gate` },
      });
    }
    await writeAudit(tx, ctx.who(), {
      action: 'gate.submitted',
      targetType: 'gate_review',
      targetId: id,
      targetLabel: label,
      subsidiaryId: doc.product.subsidiaryId,
      before: previous ? { reviewId: previous.id, status: previous.status } : null,
      after: {
        documentId: doc.id,
        version: formatVersion(version),
        contentHash: version.contentHash,
        rubric: report.rubric,
        score: report.score,
        verdict: report.verdict,
        attempt,
        findings: report.findings.length,
        superseded: previous?.status === 'submitted' ? previous.id : null,
        carriedWaivers: carried,
      },
    });
    return id;
  });
  return presentReviewById(ctx.deps, reviewId);
}

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
    if (review.author?.id === actor.userId && (await fourEyesRuleOn(tx, review.product.subsidiaryId))) {
      throw new Forbidden(
        `you wrote ${reviewLabel(review)}: another reviewer decides it (the four-eyes rule of ${review.product.subsidiaryCode})`,
        'own_submission',
      );
    }
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
    const move = GATE_MOVES[passed ? 'passed' : 'failed'];
    const left = await moveProductStage(tx, review.product.id, move.from, move.to, now);
    const scope = { subsidiaryId: review.product.subsidiaryId };
    if (left) {
      await writeAudit(tx, ctx.who(), {
        action: 'product.stage_changed',
        targetType: 'product',
        targetId: review.product.id,
        targetLabel: review.product.code,
        ...scope,
        before: { stage: left },
        after: { stage: move.to, reason: `gate verdict ${body.verdict} on ${label}` },
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

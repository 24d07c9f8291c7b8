// Submitting a PRD version to the gate: score it with the active rubric and the Golden library, store the
// review (linked to the previous one with what changed), and move the product from intake to the gate.
import type { SubmitBody } from '@pi-studio/core/contract/gate-reviews';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { formatVersion, parseVersion } from '@pi-studio/core/documents/version';
import { jobProblem } from '../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { conflict, Invalid, validationFailed } from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { documentFor } from '../documents/policy.ts';
import { type DocumentRecord, findVersion, findVersionById, type VersionWithBody } from '../documents/repo.ts';
import { findProduct } from '../workspace/products/repo.ts';
import { diffFindings } from './findings.ts';
import { goldenForScoring } from './golden-repo.ts';
import { carryWaivers } from './items-repo.ts';
import { presentReviewById } from './reviews.service.ts';
import { insertReview, latestReviewOf, supersedeReview } from './reviews-repo.ts';
import { findActiveRubricId, loadRubric } from './rubrics-repo.ts';
import { GATE_INLINE_MAX_CHARS, type Scored, type ScoreInput, scoreJob } from './score-job.ts';
import { lockDocument, moveProductStage } from './stage-repo.ts';

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
    const left = await moveProductStage(tx, doc.product.id, ['intake'], 'gate', now);
    if (left) {
      await writeAudit(tx, ctx.who(), {
        action: 'product.stage_changed',
        targetType: 'product',
        targetId: doc.product.id,
        targetLabel: doc.product.code,
        subsidiaryId: doc.product.subsidiaryId,
        before: { stage: left },
        after: { stage: 'gate', reason: `${label} submitted to the gate` },
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

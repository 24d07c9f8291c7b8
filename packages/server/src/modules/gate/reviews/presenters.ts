// What the gate's review API sends: ISO dates, version strings, document codes, people as {id, name, email}. The return
// types are the contract's (core/contract/gate-reviews.ts), so the compiler holds every answer to it.
import type { Condition, GateReview, GateReviewSummary, QueueItem } from '@pi-studio/core/contract/gate-reviews';
import { type DocumentKind, documentCode } from '@pi-studio/core/documents/kinds';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { ConditionRecord } from '../items/repo.ts';
import type { EffectiveReview } from './effective.ts';
import type { ReviewRecord, ReviewSummary } from './repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const productOf = (r: ReviewSummary) => ({
  code: r.product.code,
  name: r.product.name,
  subsidiary: r.product.subsidiaryCode,
  productType: r.product.productType,
  stage: r.product.stage,
});

const documentOf = (r: ReviewSummary) => ({
  id: r.document.id,
  code: documentCode(r.product.code, r.document.kind as DocumentKind),
  title: r.document.title,
});

export function presentReviewSummary(r: ReviewSummary): GateReviewSummary {
  return {
    id: r.id,
    status: r.status,
    product: productOf(r),
    document: documentOf(r),
    version: formatVersion(r.version),
    attempt: r.attempt,
    firstTime: r.firstTime,
    score: r.finalScore ?? r.engineScore,
    engineScore: r.engineScore,
    engineVerdict: r.engineVerdict,
    verdict: r.verdict,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    previousReviewId: r.previousReviewId,
  };
}

export function presentQueueItem(r: ReviewSummary, now: Date): QueueItem {
  return {
    reviewId: r.id,
    product: productOf(r),
    document: documentOf(r),
    version: formatVersion(r.version),
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy,
    ageHours: Math.max(0, Math.floor((now.getTime() - r.submittedAt.getTime()) / 3_600_000)),
    score: r.engineScore,
    verdict: r.engineVerdict,
    attempt: r.attempt,
  };
}

export function presentCondition(c: ConditionRecord): Condition {
  return {
    id: c.id,
    text: c.text,
    owner: c.owner,
    dueDate: c.dueDate,
    done: c.done,
    doneAt: iso(c.doneAt),
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentReview(
  r: ReviewRecord,
  view: EffectiveReview,
  conditions: ConditionRecord[],
  rubricName: string,
): GateReview {
  return {
    ...presentReviewSummary(r),
    contentHash: r.version.contentHash,
    rubric: { id: r.report.rubric.id, version: r.report.rubric.version, rowId: r.rubricRowId, name: rubricName },
    engine: r.report,
    criteria: view.criteria.map((c) => ({
      ...c,
      override: c.override
        ? { score: c.override.score, reason: c.override.reason, by: c.override.by, at: c.override.at.toISOString() }
        : null,
    })),
    score: view.score,
    suggestedVerdict: view.suggestedVerdict,
    findings: view.findings.map((f) => ({
      ...f,
      waiver: f.waiver
        ? {
            reason: f.waiver.reason,
            expiresAt: f.waiver.expiresAt.toISOString(),
            by: f.waiver.by,
            at: f.waiver.at.toISOString(),
            carriedFromReviewId: f.waiver.carriedFromReviewId,
          }
        : null,
    })),
    conditions: conditions.map(presentCondition),
    decisionNote: r.note,
    changes: r.changes,
    author: r.author,
    goldenCitations: r.goldenCitations,
  };
}

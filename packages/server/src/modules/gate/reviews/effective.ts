// The reviewer's view of a review: engine criterion scores with ProductOps overrides applied, findings with
// their waivers, and the verdict the rubric's rules suggest once waived findings no longer count.
import type { Rubric } from '@pi-studio/core/gate/rubric';
import type { Verdict } from '@pi-studio/core/gate/types';
import { verdictOf } from '@pi-studio/core/gate/verdict';
import type { StoredFinding, StoredReport } from './findings.ts';

export type Person = { id: string; name: string; email: string } | null;
export type OverrideRecord = { criterion: string; score: number; reason: string; by: Person; at: Date };
export type WaiverRecord = {
  findingId: string;
  reason: string;
  expiresAt: Date;
  by: Person;
  at: Date;
  /** The previous attempt's review this waiver was carried over from on resubmission. */
  carriedFromReviewId: string | null;
};

export type EffectiveCriterion = {
  id: string;
  name: string;
  weight: number;
  score: number;
  engineScore: number;
  override: OverrideRecord | null;
};

export type EffectiveReview = {
  criteria: EffectiveCriterion[];
  score: number;
  findings: (StoredFinding & { waiver: WaiverRecord | null })[];
  suggestedVerdict: Verdict;
};

/** A waiver counts until it expires; an expired one shows but no longer hides the finding. */
export const waiverActive = (w: WaiverRecord, now: Date) => w.expiresAt.getTime() > now.getTime();

export function effectiveReview(
  report: StoredReport,
  verdictRules: Rubric['verdict'],
  overrides: readonly OverrideRecord[],
  waivers: readonly WaiverRecord[],
  now: Date,
): EffectiveReview {
  const byCriterion = new Map(overrides.map((o) => [o.criterion, o]));
  const criteria = report.criteria.map((c) => {
    const override = byCriterion.get(c.id) ?? null;
    return { ...c, score: override?.score ?? c.score, engineScore: c.score, override };
  });
  // Without overrides the engine's own score stands (it sums unrounded criterion scores).
  const score =
    byCriterion.size === 0
      ? report.score
      : Math.min(100, Math.max(0, Math.round(criteria.reduce((n, c) => n + c.weight * c.score, 0))));
  const byFinding = new Map(waivers.map((w) => [w.findingId, w]));
  const findings = report.findings.map((f) => ({ ...f, waiver: byFinding.get(f.id) ?? null }));
  const counting = findings.filter((f) => !(f.waiver && waiverActive(f.waiver, now)));
  return { criteria, score, findings, suggestedVerdict: verdictOf(score, counting, verdictRules) };
}

// The studio's delivery metrics (research §3): first-time IT acceptance, post-handover gaps at 30/60/90 days with
// censoring (a product enters the N-day figure only once N days have elapsed), UAT defect escape rate and sprint
// scope change.
import type { Period } from './gate-process.ts';

const DAY = 86_400_000;

export type ItDecision = {
  handover: string;
  at: number;
  outcome: 'accepted' | 'accepted_with_conditions' | 'rejected';
};

export type FirstTimeAcceptance = { decided: number; accepted: number; withConditions: number; rate: number | null };

/** Handovers whose first IT decision is "accepted" ÷ handovers with a first IT decision in the period. */
export function firstTimeItAcceptance(decisions: readonly ItDecision[], period: Period): FirstTimeAcceptance {
  const first = new Map<string, ItDecision>();
  for (const d of decisions) {
    const seen = first.get(d.handover);
    if (!seen || d.at < seen.at) first.set(d.handover, d);
  }
  let decided = 0;
  let accepted = 0;
  let withConditions = 0;
  for (const d of first.values()) {
    if (d.at < period.from || d.at >= period.to) continue;
    decided++;
    if (d.outcome === 'accepted') accepted++;
    if (d.outcome === 'accepted_with_conditions') withConditions++;
  }
  return { decided, accepted, withConditions, rate: decided ? accepted / decided : null };
}

export type AcceptedHandover = { product: string; acceptedAt: number };
export type PostHandoverGap = { product: string; createdAt: number; category: string };

export type GapCohortRow = {
  /** The acceptance month's first instant (UTC), as the cohort key. */
  cohort: string;
  products: number;
  /** Mean gaps per product within 30/60/90 days of acceptance; null where not every product has had N days. */
  mean: Record<30 | 60 | 90, number | null>;
  /** Share of the cohort's products with no gap in N days; null likewise. */
  zeroShare: Record<30 | 60 | 90, number | null>;
};

const HORIZONS = [30, 60, 90] as const;

/** Cohort table: rows are acceptance months, columns 30/60/90 days; unelapsed cells are null (blank). */
export function postHandoverGaps(
  handovers: readonly AcceptedHandover[],
  gaps: readonly PostHandoverGap[],
  now: number,
): GapCohortRow[] {
  const byMonth = new Map<string, AcceptedHandover[]>();
  for (const h of handovers) {
    const month = new Date(h.acceptedAt).toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), h]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cohort, list]) => {
      const mean = {} as GapCohortRow['mean'];
      const zeroShare = {} as GapCohortRow['zeroShare'];
      for (const n of HORIZONS) {
        const elapsed = list.every((h) => h.acceptedAt + n * DAY <= now);
        const counts = list.map(
          (h) =>
            gaps.filter(
              (g) => g.product === h.product && g.createdAt > h.acceptedAt && g.createdAt <= h.acceptedAt + n * DAY,
            ).length,
        );
        mean[n] = elapsed ? counts.reduce((a, b) => a + b, 0) / list.length : null;
        zeroShare[n] = elapsed ? counts.filter((c) => c === 0).length / list.length : null;
      }
      return { cohort, products: list.length, mean, zeroShare };
    });
}

export type Defect = { severity: 1 | 2 | 3 | 4; foundIn: 'uat' | 'after_signoff' };
const SEVERITY_WEIGHT = { 1: 8, 2: 4, 3: 2, 4: 1 } as const;

/** Defects found after UAT sign-off ÷ all defects of the release, plain and severity-weighted (8/4/2/1). */
export function defectEscapeRate(defects: readonly Defect[]): { rate: number | null; weighted: number | null } {
  if (defects.length === 0) return { rate: null, weighted: null };
  const escaped = defects.filter((d) => d.foundIn === 'after_signoff');
  const weight = (list: readonly Defect[]) => list.reduce((n, d) => n + SEVERITY_WEIGHT[d.severity], 0);
  return { rate: escaped.length / defects.length, weighted: weight(escaped) / weight(defects) };
}

export type SprintScope = {
  /** Item ids in scope at the sprint's start, at its end, and those of the start whose content changed after it. */
  atStart: readonly string[];
  atEnd: readonly string[];
  changed: readonly string[];
};

/** Scope change % = (added + removed + changed) ÷ start scope; stability = start items unchanged and still in. */
export function scopeChange({ atStart, atEnd, changed }: SprintScope): {
  added: number;
  removed: number;
  changed: number;
  changePct: number | null;
  stability: number | null;
} {
  const start = new Set(atStart);
  const end = new Set(atEnd);
  const changedSet = new Set(changed.filter((id) => start.has(id)));
  const added = [...end].filter((id) => !start.has(id)).length;
  const removed = [...start].filter((id) => !end.has(id)).length;
  const kept = [...start].filter((id) => end.has(id) && !changedSet.has(id)).length;
  const n = start.size;
  return {
    added,
    removed,
    changed: changedSet.size,
    changePct: n ? (added + removed + changedSet.size) / n : null,
    stability: n ? kept / n : null,
  };
}

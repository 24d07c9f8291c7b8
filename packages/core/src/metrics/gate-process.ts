// The studio's gate metrics (research §3): first-time pass rate, rounds to pass, rejection reasons with their trend,
// and gate cycle time. A rate belongs to the period of its deciding timestamp (the first verdict); a duration to the
// period of its end; durations are reported as median and p85.
import { quantile, slope } from './stats.ts';

export type GateVerdict = 'pass' | 'conditional' | 'fail';

/** One decided gate review of a PRD (after reviewer overrides). */
export type GateReviewRecord = {
  prd: string;
  submittedAt: number;
  decidedAt: number;
  verdict: GateVerdict;
  /** Criteria with at least one blocker or major finding. */
  failingCriteria: readonly string[];
};

export type Period = { from: number; to: number };
const inPeriod = (t: number, p: Period) => t >= p.from && t < p.to;

function byPrd(reviews: readonly GateReviewRecord[]): Map<string, GateReviewRecord[]> {
  const out = new Map<string, GateReviewRecord[]>();
  for (const r of reviews) out.set(r.prd, [...(out.get(r.prd) ?? []), r]);
  for (const list of out.values()) list.sort((a, b) => a.decidedAt - b.decidedAt);
  return out;
}

export type FirstTimePass = {
  decided: number;
  pass: number;
  conditional: number;
  /** Strict: first verdict pass ÷ PRDs with a first verdict in the period; null when none. */
  rate: number | null;
  /** Pass or conditional at the first verdict. */
  rateWithConditional: number | null;
};

export function firstTimePassRate(reviews: readonly GateReviewRecord[], period: Period): FirstTimePass {
  let decided = 0;
  let pass = 0;
  let conditional = 0;
  for (const list of byPrd(reviews).values()) {
    const first = list[0] as GateReviewRecord;
    if (!inPeriod(first.decidedAt, period)) continue;
    decided++;
    if (first.verdict === 'pass') pass++;
    if (first.verdict === 'conditional') conditional++;
  }
  return {
    decided,
    pass,
    conditional,
    rate: decided ? pass / decided : null,
    rateWithConditional: decided ? (pass + conditional) / decided : null,
  };
}

/** For each PRD whose first pass falls in the period: the number of reviews up to and including it. */
export function roundsToPass(reviews: readonly GateReviewRecord[], period: Period): number[] {
  const out: number[] = [];
  for (const list of byPrd(reviews).values()) {
    const i = list.findIndex((r) => r.verdict === 'pass');
    if (i >= 0 && inPeriod((list[i] as GateReviewRecord).decidedAt, period)) out.push(i + 1);
  }
  return out.sort((a, b) => a - b);
}

export type RejectionReason = {
  criterion: string;
  /** Non-pass reviews in the period failing on this criterion ÷ non-pass reviews in the period. */
  share: number;
  /** The weekly shares over the trend weeks, oldest first. */
  weekly: number[];
  /** Least-squares slope < 0 and the last 4 weeks' share below the 4 before. */
  trendingDown: boolean;
};

const WEEK = 7 * 86_400_000;

/**
 * The top reasons of non-pass reviews in the period (Pareto), each with its weekly share over the `weeks` weeks
 * ending at the period's end (8 by default: the trend rule compares the last 4 with the 4 before).
 */
export function rejectionReasons(
  reviews: readonly GateReviewRecord[],
  period: Period,
  { top = 5, weeks = 8 } = {},
): RejectionReason[] {
  const nonPass = reviews.filter((r) => r.verdict !== 'pass');
  const shareIn = (from: number, to: number, criterion: string): number => {
    const inside = nonPass.filter((r) => r.decidedAt >= from && r.decidedAt < to);
    return inside.length ? inside.filter((r) => r.failingCriteria.includes(criterion)).length / inside.length : 0;
  };
  const counts = new Map<string, number>();
  for (const r of nonPass) {
    if (!inPeriod(r.decidedAt, period)) continue;
    for (const c of new Set(r.failingCriteria)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const total = nonPass.filter((r) => inPeriod(r.decidedAt, period)).length;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([criterion, n]) => {
      const weekly = Array.from({ length: weeks }, (_, i) => {
        const from = period.to - (weeks - i) * WEEK;
        return shareIn(from, from + WEEK, criterion);
      });
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
      const half = Math.floor(weeks / 2);
      const trendingDown = slope(weekly) < 0 && mean(weekly.slice(half)) < mean(weekly.slice(0, half));
      return { criterion, share: n / total, weekly, trendingDown };
    });
}

export type Durations = { count: number; p50Ms: number | null; p85Ms: number | null };

export function durations(values: readonly number[]): Durations {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: quantile(sorted, 0.5), p85Ms: quantile(sorted, 0.85) };
}

/** Gate cycle time (verdict − submission) of reviews decided in the period. */
export function gateCycleTime(reviews: readonly GateReviewRecord[], period: Period): Durations {
  return durations(reviews.filter((r) => inPeriod(r.decidedAt, period)).map((r) => r.decidedAt - r.submittedAt));
}

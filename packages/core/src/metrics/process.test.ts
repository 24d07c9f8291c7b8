import { describe, expect, it } from 'vitest';
import { defectEscapeRate, firstTimeItAcceptance, postHandoverGaps, scopeChange } from './delivery-process.ts';
import {
  firstTimePassRate,
  type GateReviewRecord,
  gateCycleTime,
  rejectionReasons,
  roundsToPass,
} from './gate-process.ts';

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const november = { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z') };
const review = (
  prd: string,
  day: string,
  verdict: GateReviewRecord['verdict'],
  failing: string[] = [],
  hours = 24,
) => ({
  prd,
  submittedAt: t(day) - hours * 3_600_000,
  decidedAt: t(day),
  verdict,
  failingCriteria: failing,
});

describe('gate process metrics', () => {
  const reviews = [
    review('A', '2026-11-03', 'pass'),
    review('B', '2026-11-04', 'fail', ['metrics', 'acceptance']),
    review('B', '2026-11-10', 'conditional', ['metrics'], 48),
    review('B', '2026-11-12', 'pass'),
    review('C', '2026-11-05', 'conditional', ['acceptance']),
    review('D', '2026-10-20', 'fail', ['metrics']),
    review('D', '2026-11-06', 'pass', [], 96),
  ];

  it('first-time pass rate counts each PRD once, in the period of its first verdict', () => {
    expect(firstTimePassRate(reviews, november)).toEqual({
      decided: 3,
      pass: 1,
      conditional: 1,
      rate: 1 / 3,
      rateWithConditional: 2 / 3,
    });
  });

  it('rounds to pass and cycle time (median and p85)', () => {
    expect(roundsToPass(reviews, november)).toEqual([1, 2, 3]);
    const cycle = gateCycleTime(reviews, november);
    expect(cycle.count).toBe(6);
    expect(cycle.p50Ms).toBe(DAY);
    expect(cycle.p85Ms).toBeCloseTo(2.5 * DAY, -3);
  });

  it('ranks rejection reasons by their share of non-pass reviews and reads the 8-week trend', () => {
    const [first, second] = rejectionReasons(reviews, november);
    expect(first).toMatchObject({ criterion: 'acceptance', share: 2 / 3 });
    expect(second).toMatchObject({ criterion: 'metrics', share: 2 / 3 });
    const falling = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((w) =>
      Array.from({ length: 4 }, (_, i) => ({
        prd: `P${w}-${i}`,
        submittedAt: 0,
        decidedAt: november.to - (8 - w) * 7 * DAY + DAY,
        verdict: 'fail' as const,
        failingCriteria: i < 4 - Math.floor(w / 2) ? ['metrics'] : ['scope'],
      })),
    );
    const metrics = rejectionReasons(falling, { from: november.to - 56 * DAY, to: november.to }).find(
      (r) => r.criterion === 'metrics',
    );
    expect(metrics?.weekly).toEqual([1, 1, 0.75, 0.75, 0.5, 0.5, 0.25, 0.25]);
    expect(metrics?.trendingDown).toBe(true);
  });
});

describe('delivery process metrics', () => {
  it('first-time IT acceptance looks at each handover’s first decision only', () => {
    const decisions = [
      { handover: 'h1', at: t('2026-11-02'), outcome: 'rejected' as const },
      { handover: 'h1', at: t('2026-11-09'), outcome: 'accepted' as const },
      { handover: 'h2', at: t('2026-11-03'), outcome: 'accepted' as const },
      { handover: 'h3', at: t('2026-11-04'), outcome: 'accepted_with_conditions' as const },
    ];
    expect(firstTimeItAcceptance(decisions, november)).toEqual({
      decided: 3,
      accepted: 1,
      withConditions: 1,
      rate: 1 / 3,
    });
  });

  it('post-handover gaps per acceptance month, blank where 30/60/90 days have not elapsed', () => {
    const handovers = [
      { product: 'P1', acceptedAt: t('2026-08-10') },
      { product: 'P2', acceptedAt: t('2026-08-20') },
      { product: 'P3', acceptedAt: t('2026-11-01') },
    ];
    const gaps = [
      { product: 'P1', createdAt: t('2026-08-15'), category: 'runbook' },
      { product: 'P1', createdAt: t('2026-10-01'), category: 'access' },
      { product: 'P3', createdAt: t('2026-11-05'), category: 'docs' },
    ];
    const rows = postHandoverGaps(handovers, gaps, t('2026-12-05'));
    expect(rows).toEqual([
      { cohort: '2026-08', products: 2, mean: { 30: 0.5, 60: 1, 90: 1 }, zeroShare: { 30: 0.5, 60: 0.5, 90: 0.5 } },
      { cohort: '2026-11', products: 1, mean: { 30: 1, 60: null, 90: null }, zeroShare: { 30: 0, 60: null, 90: null } },
    ]);
  });

  it('defect escape rate, plain and severity-weighted, and sprint scope change', () => {
    expect(
      defectEscapeRate([
        { severity: 1, foundIn: 'after_signoff' },
        { severity: 4, foundIn: 'uat' },
        { severity: 4, foundIn: 'uat' },
        { severity: 3, foundIn: 'uat' },
      ]),
    ).toEqual({ rate: 0.25, weighted: 8 / 12 });
    expect(defectEscapeRate([])).toEqual({ rate: null, weighted: null });
    expect(scopeChange({ atStart: ['a', 'b', 'c', 'd'], atEnd: ['a', 'b', 'c', 'e'], changed: ['b', 'zz'] })).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      changePct: 0.75,
      stability: 0.5,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { gateMetrics, isoWeek, isoWeeks, rate } from './compute.ts';
import type { ReviewFact } from './repo.ts';

const fact = (over: Partial<ReviewFact>): ReviewFact => ({
  id: 'r',
  week: '2026-W10',
  status: 'decided',
  verdict: 'pass',
  attempt: 1,
  firstTime: true,
  subsidiary: 'EMX',
  productType: 'web_app',
  authorId: 'a',
  authorName: 'Ann',
  authorEmail: 'ann@x',
  ...over,
});

describe('ISO weeks', () => {
  it('labels weeks like Postgres IYYY-"W"IW, across year boundaries', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeeks(new Date('2026-03-04T00:00:00Z'), new Date('2026-03-20T00:00:00Z'))).toEqual([
      '2026-W10',
      '2026-W11',
      '2026-W12',
    ]);
  });
});

describe('gate metrics', () => {
  it('first-time pass rate counts decided first attempts only', () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBeNull();
    const m = gateMetrics(
      [
        fact({ id: '1' }),
        fact({ id: '2', verdict: 'fail', firstTime: false, subsidiary: 'NXN' }),
        fact({ id: '3', verdict: 'pass', attempt: 2, firstTime: false, subsidiary: 'NXN', week: '2026-W11' }),
        fact({ id: '4', status: 'submitted', verdict: null, firstTime: false, week: '2026-W11', authorId: null }),
      ],
      [
        { week: '2026-W10', criterion: 'metrics', rule: 'metrics.no-baseline', reviews: 1 },
        { week: '2026-W10', criterion: 'metrics', rule: 'metrics.no-timeframe', reviews: 1 },
        { week: '2026-W10', criterion: 'metrics', rule: null, reviews: 1 },
        { week: '2026-W11', criterion: 'metrics', rule: 'metrics.no-timeframe', reviews: 2 },
        { week: '2026-W11', criterion: 'metrics', rule: null, reviews: 2 },
      ],
      { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') },
    );
    expect(m).toMatchObject({ firstTimePassRate: 50, reviews: 4, decided: 3, passed: 2, failed: 1 });
    expect(m.byWeek).toEqual([
      { week: '2026-W10', submitted: 2, decided: 2, passed: 1, conditional: 0, failed: 1, firstTimePassRate: 50 },
      { week: '2026-W11', submitted: 2, decided: 1, passed: 1, conditional: 0, failed: 0, firstTimePassRate: null },
    ]);
    expect(m.topReasons).toEqual([
      { criterion: 'metrics', rule: 'metrics.no-timeframe', count: 3 },
      { criterion: 'metrics', rule: 'metrics.no-baseline', count: 1 },
    ]);
    expect(m.reasonsByWeek).toEqual([
      { week: '2026-W10', criterion: 'metrics', count: 1 },
      { week: '2026-W11', criterion: 'metrics', count: 2 },
    ]);
    expect(m.bySubsidiary.map((s) => [s.subsidiary, s.submitted, s.firstTimePassRate])).toEqual([
      ['EMX', 2, 100],
      ['NXN', 2, 0],
    ]);
    expect(m.byAuthor.map((a) => [a.author?.name ?? null, a.submitted])).toEqual([
      ['Ann', 3],
      [null, 1],
    ]);
  });
});

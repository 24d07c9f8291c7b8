import { describe, expect, it } from 'vitest';
import { reasonsByWeek, topReasonBars, weeklyPassRate } from './chart-data.ts';

describe('metrics chart data', () => {
  it('turns weekly rates into percentages and keeps unknown weeks as gaps', () => {
    expect(
      weeklyPassRate([
        { week: '2026-W46', submitted: 3, decided: 3, passed: 1, conditional: 1, failed: 1, firstTimePassRate: 66.7 },
        { week: '2026-W47', submitted: 0, decided: 0, passed: 0, conditional: 0, failed: 0, firstTimePassRate: null },
      ]),
    ).toEqual([
      { week: '2026-W46', 'First-time pass %': 66.7, Submitted: 3 },
      { week: '2026-W47', 'First-time pass %': null, Submitted: 0 },
    ]);
  });

  it('pivots reasons per week, largest criteria first, the rest as other', () => {
    const { data, series } = reasonsByWeek(
      [
        { week: '2026-W47', criterion: 'metrics', count: 4 },
        { week: '2026-W46', criterion: 'metrics', count: 1 },
        { week: '2026-W46', criterion: 'acceptance', count: 3 },
        { week: '2026-W47', criterion: 'ux', count: 1 },
      ],
      ['2026-W45', '2026-W46', '2026-W47'],
      2,
    );
    expect(series.map((s) => s.name)).toEqual(['metrics', 'acceptance', 'other']);
    expect(series.map((s) => s.label)).toEqual(['Goals and success metrics', 'Acceptance criteria', 'Other']);
    expect(data).toEqual([
      { week: '2026-W45', metrics: 0, acceptance: 0, other: 0 },
      { week: '2026-W46', metrics: 1, acceptance: 3, other: 0 },
      { week: '2026-W47', metrics: 4, acceptance: 0, other: 1 },
    ]);
  });

  it('orders top reasons by count and names each by its rule summary', () => {
    const bars = topReasonBars([
      { criterion: 'ux', rule: 'ux.missing', count: 1 },
      { criterion: 'metrics', rule: 'metrics.no-timeframe', count: 5 },
    ]);
    expect(bars.map((b) => b.rule)).toEqual(['metrics.no-timeframe', 'ux.missing']);
    expect(bars.map((b) => b.reason)).toEqual(['A metric has no timeframe', 'No experience or design section']);
  });
});

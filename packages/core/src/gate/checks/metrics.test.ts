import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('metrics check', () => {
  it('credits a metrics table with baseline, target, unit and date', () => {
    const r = runCheck(
      'metrics',
      `## Success metrics\n\n| Metric | Baseline | Target | By when |\n|---|---|---|---|\n| Payout tickets | 41% | 15% | within 90 days of GA |\n| Median payout time | 3.2 days | 1 day | 2026-09-30 |\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads "from X to Y by <date>" in a goals list under a synonym heading', () => {
    const r = runCheck(
      'metrics',
      `## What success looks like\n\n- Repeat purchase rate increases from 12% to 18% by 2026-12-31.\n`,
    );
    expect(r.score).toBe(1);
  });

  it('flags goals without numbers and none measurable as a whole', () => {
    const r = runCheck('metrics', `## Goals\n\n- Improve merchant satisfaction.\n- Make payouts faster.\n`);
    expect(r.rules).toEqual(['metrics.none-measurable', 'metrics.no-number', 'metrics.no-number']);
    expect(r.score).toBe(0);
  });

  it('flags a metric without a timeframe, and one without a baseline', () => {
    const noTime = runCheck('metrics', `## Objectives\n\n- Increase invoices paid on time to 70%.\n`);
    expect(noTime.rules).toEqual(['metrics.no-timeframe']);
    expect(noTime.findings[0]?.message).toContain('baseline');
    const noBaseline = runCheck('metrics', `## KPIs\n\n- Reach 400 active merchants by Q3 2026.\n`);
    expect(noBaseline.rules).toEqual(['metrics.no-baseline']);
  });

  it('is not fooled by non-goals nested under goals or by a placeholder table', () => {
    const nested = runCheck(
      'metrics',
      `## Goals\n\n- Payout tickets from 41% to 15% by Q4 2026.\n\n### Non-goals\n\n- Faster settlement.\n- New currencies.\n`,
    );
    expect(nested.rules).toEqual([]);
    expect(
      runCheck(
        'metrics',
        `## Goals and success metrics\n\n| Goal | Metric | Target |\n|---|---|---|\n| TBD | TBD | TBD |\n`,
      ).rules,
    ).toEqual(['metrics.none-measurable']);
  });
});

import { describe, expect, it } from 'vitest';
import { assessKpi, expectedAt, type KpiTarget } from './kpi-status.ts';

const DAY = 86_400_000;
const t0 = Date.parse('2026-09-01T00:00:00Z');
// Activation from 20 % to 40 % in 100 days.
const up: KpiTarget = { direction: 'up', baseline: 0.2, target: 0.4, startAt: t0, deadlineAt: t0 + 100 * DAY };
// Time to first payout from 10 days down to 4.
const down: KpiTarget = { direction: 'down', baseline: 10, target: 4, startAt: t0, deadlineAt: t0 + 100 * DAY };
const reading = (actual: number | null, day: number) => ({ actual, at: t0 + day * DAY, lastEventAt: t0 + day * DAY });

describe('KPI target against actual', () => {
  it('follows the straight trajectory from baseline to target', () => {
    expect(expectedAt(up, t0 + 50 * DAY)).toBeCloseTo(0.3, 10);
    expect(expectedAt(up, t0 - DAY)).toBe(0.2);
    expect(expectedAt(up, t0 + 200 * DAY)).toBe(0.4);
  });

  it('grades on track, at risk, off track, met and missed by direction', () => {
    const now = (day: number) => t0 + day * DAY;
    expect(assessKpi(up, reading(0.31, 50), now(50)).status).toBe('on_track');
    // 0.29 is 0.01 behind 0.30: 5 % of the 0.20 gap.
    expect(assessKpi(up, reading(0.29, 50), now(50))).toMatchObject({
      status: 'at_risk',
      behind: expect.closeTo(0.05),
    });
    expect(assessKpi(up, reading(0.25, 50), now(50)).status).toBe('off_track');
    expect(assessKpi(up, reading(0.41, 60), now(60))).toMatchObject({ status: 'met', progress: 1 });
    expect(assessKpi(up, reading(0.35, 100), now(101)).status).toBe('missed');
    // Lower is better: 6.5 days at day 50 is ahead of the expected 7.
    expect(assessKpi(down, reading(6.5, 50), now(50))).toMatchObject({
      status: 'on_track',
      progress: expect.closeTo(3.5 / 6),
    });
    expect(assessKpi(down, reading(8, 50), now(50)).status).toBe('off_track');
  });

  it('says no data when nothing arrived for seven days or there is no reading', () => {
    expect(assessKpi(up, { actual: 0.3, at: t0, lastEventAt: t0 }, t0 + 8 * DAY).status).toBe('no_data');
    expect(assessKpi(up, { actual: null, at: t0, lastEventAt: null }, t0).status).toBe('no_data');
  });
});

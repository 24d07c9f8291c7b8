import { describe, expect, it } from 'vitest';
import { calendar, isoToDay } from './calendar.ts';
import { type KpiMetric, kpiActual, lastEventAt } from './kpi-actual.ts';
import { ev, plusDays } from './test-events.ts';

const utc = calendar('UTC');
const day = isoToDay;

// a: active every day of November and exports reports; b: three days, requests payouts; c: one day in October.
const events = [
  ...Array.from({ length: 30 }, (_, i) =>
    ev('a', plusDays('2026-11-01', i), i === 2 ? 'payout_approved' : 'report_exported'),
  ),
  ev('b', '2026-11-02', 'payout_requested'),
  ev('b', '2026-11-10', 'payout_requested'),
  ev('b', '2026-11-30', 'payout_requested'),
  ev('c', '2026-10-05', 'report_exported'),
];
const at = (metric: KpiMetric, iso = '2026-11-30') => kpiActual(metric, events, utc, day(iso));

describe('KPI actual values from events', () => {
  it('active units over 1, 7 and 30 days ending on the day', () => {
    expect(at({ kind: 'active_units', window: 1 })).toBe(2);
    expect(at({ kind: 'active_units', window: 7 })).toBe(2);
    expect(at({ kind: 'active_units', window: 30 }, '2026-11-15')).toBe(2);
    expect(at({ kind: 'active_units', window: 30 }, '2026-11-03')).toBe(3);
  });

  it('stickiness over the 30 days ending on the day', () => {
    expect(at({ kind: 'stickiness' })).toBeCloseTo(33 / 30 / 2, 10);
    expect(at({ kind: 'stickiness' }, '2026-06-01')).toBeNull();
  });

  it('activation of the units first seen in the 30 days before the last N', () => {
    // Cohort: first seen 25 Oct – 23 Nov (a and b; c was first seen on 5 Oct); a did the key event on day 3, b never.
    expect(at({ kind: 'activation', keyEvents: ['payout_approved'], withinDays: 7 })).toBe(0.5);
    expect(at({ kind: 'activation', keyEvents: ['payout_approved'], withinDays: 7 }, '2026-01-01')).toBeNull();
  });

  it('feature adoption, funnels and retention', () => {
    expect(at({ kind: 'feature_adoption', events: ['payout_requested'], windowDays: 30 })).toBeCloseTo(1 / 2, 10);
    expect(
      at({ kind: 'funnel', steps: ['payout_requested', 'payout_approved'], conversionDays: 7, windowDays: 30 }),
    ).toBe(0);
    expect(
      at({ kind: 'funnel', steps: ['report_exported', 'payout_approved'], conversionDays: 7, windowDays: 30 }),
    ).toBe(1);
    // Weekly cohorts: a (from Sun 1 Nov, week of 26 Oct) is back the next week; b (week of 2 Nov) is back in week 1
    // too (10 Nov); c (week of 5 Oct) never returns.
    expect(at({ kind: 'retention', week: 1 })).toBeCloseTo(2 / 3, 10);
  });

  it('knows the newest event, for the "no data for 7 days" alert', () => {
    expect(lastEventAt(events)).toBe(Date.parse('2026-11-30T12:00:00Z'));
    expect(lastEventAt([])).toBeNull();
  });
});

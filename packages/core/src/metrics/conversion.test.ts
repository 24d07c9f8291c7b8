import { describe, expect, it } from 'vitest';
import { activation, timeToKeyEvent } from './activation.ts';
import { breadth, featureAdoption } from './adoption.ts';
import { calendar, isoToDay } from './calendar.ts';
import { funnel } from './funnel.ts';
import { ev } from './test-events.ts';

const utc = calendar('UTC');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('funnel', () => {
  const steps = ['invoice_created', 'invoice_sent', 'invoice_paid'];

  it('counts units reaching each step in order within the window, and the largest drop', () => {
    const events = [
      // a: all three within a day.
      ev('a', '2026-11-02', 'invoice_created', '09:00:00'),
      ev('a', '2026-11-02', 'invoice_sent', '10:00:00'),
      ev('a', '2026-11-03', 'invoice_paid', '08:00:00'),
      // b: paid before sent does not count as step 3.
      ev('b', '2026-11-02', 'invoice_created'),
      ev('b', '2026-11-02', 'invoice_paid', '13:00:00'),
      ev('b', '2026-11-02', 'invoice_sent', '14:00:00'),
      // c: paid, but 10 days after creating: outside a 7-day window.
      ev('c', '2026-11-01', 'invoice_created'),
      ev('c', '2026-11-02', 'invoice_sent'),
      ev('c', '2026-11-11', 'invoice_paid'),
      // d: never created, so never entered.
      ev('d', '2026-11-02', 'invoice_sent'),
    ];
    const f = funnel(events, steps, 7 * DAY);
    expect(f.entered).toBe(3);
    expect(f.steps.map((s) => s.reached)).toEqual([3, 3, 1]);
    expect(f.steps.map((s) => s.dropOff)).toEqual([0, 0, 2]);
    expect(f.steps[2]?.conversion).toBeCloseTo(1 / 3, 10);
    expect(f.overall).toBeCloseTo(1 / 3, 10);
    expect(f.largestDrop).toBe(2);
    expect(f.medianTimeToConvertMs).toBe(23 * HOUR);
  });

  it('takes a unit’s best attempt, and answers nulls for an empty funnel', () => {
    const events = [
      ev('a', '2026-11-01', 'invoice_created'),
      ev('a', '2026-11-20', 'invoice_created'),
      ev('a', '2026-11-21', 'invoice_sent'),
      ev('a', '2026-11-22', 'invoice_paid'),
    ];
    expect(funnel(events, steps, 7 * DAY).overall).toBe(1);
    const none = funnel([], steps, DAY);
    expect(none).toMatchObject({ entered: 0, overall: null, largestDrop: null, medianTimeToConvertMs: null });
  });
});

describe('activation', () => {
  it('rates complete cohorts and marks those whose N days have not elapsed as incomplete', () => {
    const events = [
      ev('a', '2026-11-02', 'app_opened'),
      ev('a', '2026-11-05', 'payout_approved'),
      ev('b', '2026-11-03', 'app_opened'),
      ev('b', '2026-11-20', 'payout_approved'),
      ev('c', '2026-11-04', 'app_opened'),
      ev('d', '2026-11-24', 'app_opened'),
    ];
    const cohorts = activation(events, utc, {
      keyEvents: ['payout_approved'],
      withinDays: 7,
      interval: 'week',
      today: isoToDay('2026-11-26'),
    });
    expect(cohorts).toEqual([
      { bucket: isoToDay('2026-11-02'), size: 3, activated: 1, complete: true, rate: 1 / 3 },
      { bucket: isoToDay('2026-11-23'), size: 1, activated: 0, complete: false, rate: null },
    ]);
  });

  it('reports the time to the first key event as median and p75, counting units that have not reached it', () => {
    const events = [
      ev('a', '2026-11-01', 'app_opened'),
      ev('a', '2026-11-02', 'payout_approved'),
      ev('a', '2026-11-09', 'payout_approved'),
      ev('b', '2026-11-01', 'app_opened'),
      ev('b', '2026-11-04', 'payout_approved'),
      ev('c', '2026-11-01', 'app_opened'),
    ];
    const t = timeToKeyEvent(events, ['payout_approved'], 2);
    expect(t).toEqual({ units: 3, reached: 2, medianMs: 2 * DAY, p75Ms: 2.5 * DAY, withinShare: 1 / 3, notYet: 1 });
  });
});

describe('feature adoption and breadth', () => {
  it('divides feature users by the active units in the window, highest share first', () => {
    const events = [
      ev('a', '2026-11-02', 'report_exported'),
      ev('a', '2026-11-03', 'payout_approved'),
      ev('b', '2026-11-04', 'payout_approved'),
      ev('c', '2026-11-05', 'app_opened'),
      ev('d', '2026-10-01', 'report_exported'),
    ];
    const window = { from: isoToDay('2026-11-01'), to: isoToDay('2026-11-30') };
    const features = [
      { feature: 'Export', events: ['report_exported'] },
      { feature: 'Approvals', events: ['payout_approved'] },
    ];
    expect(featureAdoption(events, utc, features, window)).toEqual([
      { feature: 'Approvals', users: 2, share: 2 / 3 },
      { feature: 'Export', users: 1, share: 1 / 3 },
    ]);
    expect(breadth(events, utc, ['report_exported', 'payout_approved'], window)).toBeCloseTo(1, 10);
    expect(breadth([], utc, ['x'], window)).toBeNull();
  });
});

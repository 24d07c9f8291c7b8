import { describe, expect, it } from 'vitest';
import { activeBetween, indexActivity } from './activity.ts';
import { calendar, isoToDay, monthOf } from './calendar.ts';
import { activeUsers, lifecycle, stickiness, stickinessDistribution } from './engagement.ts';
import { retention } from './retention.ts';
import { ev, plusDays } from './test-events.ts';

const utc = calendar('UTC');
const day = isoToDay;

describe('DAU, WAU and MAU', () => {
  it('counts distinct units per day and in rolling 7- and 30-day windows', () => {
    const index = indexActivity(
      [
        ev('a', '2026-11-01'),
        ev('a', '2026-11-01', 'payout_approved'),
        ev('b', '2026-11-01'),
        ev('a', '2026-11-05'),
        ev('c', '2026-11-20'),
      ],
      utc,
    );
    const points = activeUsers(index, day('2026-11-01'), day('2026-12-01'));
    const on = (iso: string) => points.find((p) => p.day === day(iso));
    expect(on('2026-11-01')).toMatchObject({ dau: 2, wau: 2, mau: 2 });
    expect(on('2026-11-05')).toMatchObject({ dau: 1, wau: 2, mau: 2 });
    // b's last day was 11-01: out of the week from 11-08 on, out of the month from 12-01 on.
    expect(on('2026-11-07')).toMatchObject({ dau: 0, wau: 2 });
    expect(on('2026-11-08')).toMatchObject({ wau: 1 });
    expect(on('2026-11-11')).toMatchObject({ wau: 1 });
    expect(on('2026-11-12')).toMatchObject({ wau: 0, mau: 2 });
    expect(on('2026-11-20')).toMatchObject({ dau: 1, wau: 1, mau: 3 });
    expect(on('2026-11-30')).toMatchObject({ mau: 3 });
    expect(on('2026-12-01')).toMatchObject({ mau: 2 });
    expect(activeBetween(index, day('2026-11-02'), day('2026-11-19'))).toBe(1);
  });

  it('agrees with a direct count on random activity', () => {
    const events = Array.from({ length: 400 }, (_, i) => ev(`u${(i * 7) % 23}`, plusDays('2026-10-01', (i * 13) % 61)));
    const index = indexActivity(events, utc);
    const from = day('2026-10-01');
    const to = day('2026-12-05');
    for (const p of activeUsers(index, from, to)) {
      const direct = (w: number) =>
        new Set(events.filter((e) => utc.dayOf(e.at) <= p.day && utc.dayOf(e.at) > p.day - w).map((e) => e.unit)).size;
      expect([p.dau, p.wau, p.mau]).toEqual([direct(1), direct(7), direct(30)]);
    }
  });
});

describe('stickiness', () => {
  it('is the mean DAU over the month divided by the month’s distinct active units', () => {
    // November has 30 days: a is active every day, b on 3 days. Mean DAU = (30 + 3) / 30; monthly uniques = 2.
    const events = [
      ...Array.from({ length: 30 }, (_, i) => ev('a', plusDays('2026-11-01', i))),
      ev('b', '2026-11-02'),
      ev('b', '2026-11-10'),
      ev('b', '2026-11-30'),
    ];
    const s = stickiness(indexActivity(events, utc), monthOf(day('2026-11-15')));
    expect(s).toBeCloseTo(33 / 30 / 2, 10);
    expect(stickiness(indexActivity([], utc), monthOf(day('2026-11-15')))).toBeNull();
  });

  it('distributes active units by the number of intervals they were active in', () => {
    const events = [
      ev('a', '2026-11-02'),
      ev('a', '2026-11-09'),
      ev('a', '2026-11-16'),
      ev('b', '2026-11-03'),
      ev('c', '2026-11-10'),
      ev('c', '2026-11-17'),
      ev('d', '2026-12-20'),
    ];
    const d = stickinessDistribution(indexActivity(events, utc), day('2026-11-02'), 3, 'week');
    expect(d.active).toBe(3);
    expect(d.exactly).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(d.atLeast).toEqual([1, 2 / 3, 1 / 3]);
  });
});

describe('lifecycle', () => {
  it('splits each week into new, returning, resurrecting and dormant units', () => {
    const events = [
      ev('a', '2026-11-02'),
      ev('a', '2026-11-10'),
      ev('b', '2026-11-03'),
      ev('b', '2026-11-18'),
      ev('c', '2026-11-11'),
    ];
    const [w1, w2, w3] = lifecycle(indexActivity(events, utc), day('2026-11-02'), 3, 'week');
    expect(w1).toMatchObject({ new: 2, returning: 0, resurrecting: 0, dormant: 0 });
    expect(w2).toMatchObject({ new: 1, returning: 1, resurrecting: 0, dormant: 1 });
    expect(w3).toMatchObject({ new: 0, returning: 0, resurrecting: 1, dormant: 2 });
  });
});

describe('retention', () => {
  it('matches the worked example: classic and unbounded day-N retention', () => {
    // Three users start on day 0; A returns on day 1, B on day 5, C never (research §2, PostHog #13748).
    const events = [
      ev('A', '2026-11-01'),
      ev('B', '2026-11-01'),
      ev('C', '2026-11-01'),
      ev('A', '2026-11-02'),
      ev('B', '2026-11-06'),
    ];
    const r = retention(indexActivity(events, utc), { interval: 'day', periods: 6, today: day('2026-11-30') });
    const pct = (xs: (number | null)[]) => xs.map((x) => (x === null ? null : Math.round(x * 100)));
    expect(pct(r.classic)).toEqual([100, 33, 0, 0, 0, 33, 0]);
    expect(pct(r.unbounded)).toEqual([100, 67, 33, 33, 33, 33, 0]);
  });

  it('leaves intervals that have not elapsed out instead of counting them as lost', () => {
    const events = [ev('a', '2026-11-02'), ev('a', '2026-11-09'), ev('b', '2026-11-16'), ev('b', '2026-11-23')];
    const r = retention(indexActivity(events, utc), { interval: 'week', periods: 2, today: day('2026-11-29') });
    expect(r.cohorts.map((c) => c.retained)).toEqual([
      [1, 1, 0],
      [1, 1, null],
    ]);
    expect(r.classic).toEqual([1, 1, 0]);
    // A cohort whose own first week is still running is not reported at all.
    const early = retention(indexActivity(events, utc), { interval: 'week', periods: 2, today: day('2026-11-20') });
    expect(early.cohorts.map((c) => c.size)).toEqual([1]);
  });
});

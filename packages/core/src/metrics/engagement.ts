// Engagement KPIs of research §2: DAU / WAU / MAU, the stickiness ratio and distribution, and lifecycle.
import { type ActivityIndex, activeBetween, anyBetween, rollingActive } from './activity.ts';
import { bucketOf, type Interval, monthStart, nextBucket, type WeekStart } from './calendar.ts';

export type ActiveUsersPoint = { day: number; dau: number; wau: number; mau: number };

/** DAU, rolling WAU ([d−6, d]) and rolling MAU ([d−29, d]) for each day of [from, to]. */
export function activeUsers(index: ActivityIndex, from: number, to: number): ActiveUsersPoint[] {
  const dau = rollingActive(index, from, to, 1);
  const wau = rollingActive(index, from, to, 7);
  const mau = rollingActive(index, from, to, 30);
  return dau.map((n, i) => ({ day: from + i, dau: n, wau: wau[i] as number, mau: mau[i] as number }));
}

/**
 * Stickiness of a calendar month (Mixpanel): the mean over its days of DAU(d) ÷ the month's distinct active units.
 * Only the days up to `today` count in a month still running. Null when nobody was active.
 */
export function stickiness(index: ActivityIndex, month: number, today = Number.POSITIVE_INFINITY): number | null {
  const first = monthStart(month);
  const last = Math.min(monthStart(month + 1) - 1, today);
  if (last < first) return null;
  const monthly = activeBetween(index, first, last);
  if (monthly === 0) return null;
  const daily = rollingActive(index, first, last, 1);
  const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
  return mean / monthly;
}

export type StickinessDistribution = {
  /** Units active in at least one of the intervals. */
  active: number;
  /** exactly[k − 1]: share of active units active in exactly k intervals; atLeast[k − 1]: in k or more. */
  exactly: number[];
  atLeast: number[];
};

/** For `count` intervals from the one containing `fromDay`: how many of them each active unit was active in. */
export function stickinessDistribution(
  index: ActivityIndex,
  fromDay: number,
  count: number,
  interval: Interval,
  weekStart: WeekStart = 1,
): StickinessDistribution {
  const first = bucketOf(fromDay, interval, weekStart);
  const buckets = Array.from({ length: count }, (_, i) => nextBucket(first, interval, i));
  const histogram = new Array<number>(count + 1).fill(0);
  for (const days of index.daysOf) {
    let k = 0;
    for (const b of buckets) if (anyBetween(days, ...bucketDays(b, interval))) k++;
    (histogram[k] as number)++;
  }
  const active = histogram.slice(1).reduce((a, b) => a + b, 0);
  const share = (n: number) => (active ? n / active : 0);
  const exactly = histogram.slice(1).map(share);
  const atLeast = exactly.map((_, i) => share(histogram.slice(i + 1).reduce((a, b) => a + b, 0)));
  return { active, exactly, atLeast };
}

/** The first and last day of a bucket. */
export function bucketDays(bucket: number, interval: Interval): [number, number] {
  if (interval === 'day') return [bucket, bucket];
  if (interval === 'week') return [bucket, bucket + 6];
  return [monthStart(bucket), monthStart(bucket + 1) - 1];
}

export type LifecyclePoint = { bucket: number; new: number; returning: number; resurrecting: number; dormant: number };

/**
 * Per interval: new (first seen in it), returning (active in it and in the one before), resurrecting (active, not
 * in the one before, not new) and dormant (active in the one before, not in it).
 */
export function lifecycle(
  index: ActivityIndex,
  fromDay: number,
  count: number,
  interval: Interval,
  weekStart: WeekStart = 1,
): LifecyclePoint[] {
  const first = bucketOf(fromDay, interval, weekStart);
  const out: LifecyclePoint[] = [];
  for (let i = 0; i < count; i++) {
    const bucket = nextBucket(first, interval, i);
    const [from, to] = bucketDays(bucket, interval);
    const [prevFrom, prevTo] = bucketDays(nextBucket(bucket, interval, -1), interval);
    const point: LifecyclePoint = { bucket, new: 0, returning: 0, resurrecting: 0, dormant: 0 };
    for (const days of index.daysOf) {
      const now = anyBetween(days, from, to);
      const before = anyBetween(days, prevFrom, prevTo);
      if (now && (days[0] as number) >= from) point.new++;
      else if (now && before) point.returning++;
      else if (now) point.resurrecting++;
      else if (before) point.dormant++;
    }
    out.push(point);
  }
  return out;
}

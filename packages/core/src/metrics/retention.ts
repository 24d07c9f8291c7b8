// N-interval retention of research §2: cohorts by first-seen interval ("birth"), classic ("on": active in interval
// N) and unbounded ("on or after": active in N or any later interval). Only intervals that have fully elapsed by
// `today` count; a cohort whose interval N has not elapsed is left out of R(N), never counted as lost.
import type { ActivityIndex } from './activity.ts';
import { bucketOf, type Interval, nextBucket, type WeekStart } from './calendar.ts';
import { bucketDays } from './engagement.ts';

export type RetentionCohort = {
  /** The cohort's start interval (a day number, or a month index for months). */
  bucket: number;
  size: number;
  /** retained[n]: units of the cohort active in interval n (classic); null where interval n has not elapsed. */
  retained: (number | null)[];
  /** unbounded[n]: units active in interval n or any later elapsed one; null where n has not elapsed. */
  unbounded: (number | null)[];
};

export type Retention = {
  cohorts: RetentionCohort[];
  /** Overall R(n) = Σ retained ÷ Σ size over cohorts whose interval n is complete (null when none is). */
  classic: (number | null)[];
  unbounded: (number | null)[];
};

export type RetentionOptions = {
  interval: Interval;
  /** Intervals 0..periods are reported. */
  periods: number;
  /** The last day with complete data: an interval counts only when it ends on or before this day. */
  today: number;
  weekStart?: WeekStart;
  /** Only cohorts starting on or after this day (default: all). */
  fromDay?: number;
};

export function retention(index: ActivityIndex, options: RetentionOptions): Retention {
  const { interval, periods, today, weekStart = 1 } = options;
  const byCohort = new Map<number, number[]>();
  index.daysOf.forEach((days, unit) => {
    const first = days[0] as number;
    if (options.fromDay !== undefined && first < options.fromDay) return;
    const bucket = bucketOf(first, interval, weekStart);
    const list = byCohort.get(bucket);
    if (list) list.push(unit);
    else byCohort.set(bucket, [unit]);
  });
  const cohorts = [...byCohort.keys()]
    .sort((a, b) => a - b)
    .filter((bucket) => bucketDays(bucket, interval)[1] <= today)
    .map((bucket) => cohortRetention(index, bucket, byCohort.get(bucket) as number[], options));
  const overall = (pick: (c: RetentionCohort) => (number | null)[]) =>
    Array.from({ length: periods + 1 }, (_, n) => {
      let kept = 0;
      let size = 0;
      for (const c of cohorts) {
        const v = pick(c)[n];
        if (v === null || v === undefined) continue;
        kept += v;
        size += c.size;
      }
      return size ? kept / size : null;
    });
  return { cohorts, classic: overall((c) => c.retained), unbounded: overall((c) => c.unbounded) };
}

function cohortRetention(
  index: ActivityIndex,
  bucket: number,
  units: number[],
  { interval, periods, today }: RetentionOptions,
): RetentionCohort {
  const spans = Array.from({ length: periods + 1 }, (_, n) => bucketDays(nextBucket(bucket, interval, n), interval));
  const elapsed = spans.map(([, end]) => end <= today);
  const lastElapsedDay = today;
  const retained = spans.map((_, n) => (elapsed[n] ? 0 : null));
  const unbounded = spans.map((_, n) => (elapsed[n] ? 0 : null));
  for (const unit of units) {
    const days = index.daysOf[unit] as number[];
    let latest = Number.NEGATIVE_INFINITY;
    for (const d of days) if (d <= lastElapsedDay) latest = d;
    spans.forEach(([from, to], n) => {
      if (!elapsed[n]) return;
      if (activeIn(days, from, to)) (retained[n] as number)++;
      if (latest >= from) (unbounded[n] as number)++;
    });
  }
  return { bucket, size: units.length, retained, unbounded };
}

function activeIn(days: readonly number[], from: number, to: number): boolean {
  for (const d of days) {
    if (d > to) return false;
    if (d >= from) return true;
  }
  return false;
}

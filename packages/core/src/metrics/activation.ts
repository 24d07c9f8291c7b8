// Activation rate and time to first key event (research §2). Units that have not reached the key event are counted
// as "not yet", never dropped; a cohort whose N days have not all elapsed is marked incomplete, not reported low.
import type { ActivityEvent } from './activity.ts';
import { bucketOf, type Calendar, type Interval } from './calendar.ts';
import { bucketDays } from './engagement.ts';
import { quantile } from './stats.ts';

const DAY_MS = 86_400_000;

type UnitTimes = { first: number; key: number };

/** Per unit: the first event of any kind and the first key event (NaN when none). */
function firstTimes(events: Iterable<ActivityEvent>, keyEvents: ReadonlySet<string>): Map<string, UnitTimes> {
  const out = new Map<string, UnitTimes>();
  for (const e of events) {
    let t = out.get(e.unit);
    if (!t) {
      t = { first: e.at, key: Number.NaN };
      out.set(e.unit, t);
    }
    if (e.at < t.first) t.first = e.at;
    if (keyEvents.has(e.event) && !(e.at >= t.key)) t.key = e.at;
  }
  return out;
}

export type ActivationCohort = {
  bucket: number;
  size: number;
  activated: number;
  /** activated ÷ size, or null while the cohort's N days have not elapsed (shown "incomplete"). */
  rate: number | null;
  complete: boolean;
};

export type ActivationOptions = { keyEvents: readonly string[]; withinDays: number; interval: Interval; today: number };

/** Units first seen in each cohort that did a key event within `withinDays` days of first being seen. */
export function activation(
  events: Iterable<ActivityEvent>,
  cal: Calendar,
  { keyEvents, withinDays, interval, today }: ActivationOptions,
): ActivationCohort[] {
  const cohorts = new Map<number, { size: number; activated: number }>();
  for (const t of firstTimes(events, new Set(keyEvents)).values()) {
    const bucket = bucketOf(cal.dayOf(t.first), interval, cal.weekStart);
    const c = cohorts.get(bucket) ?? { size: 0, activated: 0 };
    c.size++;
    if (t.key - t.first <= withinDays * DAY_MS) c.activated++;
    cohorts.set(bucket, c);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bucket, c]) => {
      const complete = bucketDays(bucket, interval)[1] + withinDays <= today;
      return { bucket, ...c, complete, rate: complete ? c.activated / c.size : null };
    });
}

export type TimeToKeyEvent = {
  units: number;
  reached: number;
  /** Median and 75th percentile of the time to the first key event over the units that reached it (ms). */
  medianMs: number | null;
  p75Ms: number | null;
  /** Share of all units that reached it within `withinDays` days. */
  withinShare: number;
  notYet: number;
};

/** Time from a unit's start (its first event, or the date given for it) to its first key event. */
export function timeToKeyEvent(
  events: Iterable<ActivityEvent>,
  keyEvents: readonly string[],
  withinDays: number,
  startOf: (unit: string, firstEvent: number) => number = (_u, first) => first,
): TimeToKeyEvent {
  const durations: number[] = [];
  let units = 0;
  let within = 0;
  for (const [unit, t] of firstTimes(events, new Set(keyEvents))) {
    units++;
    if (Number.isNaN(t.key)) continue;
    const ms = Math.max(0, t.key - startOf(unit, t.first));
    durations.push(ms);
    if (ms <= withinDays * DAY_MS) within++;
  }
  durations.sort((a, b) => a - b);
  return {
    units,
    reached: durations.length,
    medianMs: quantile(durations, 0.5),
    p75Ms: quantile(durations, 0.75),
    withinShare: units ? within / units : 0,
    notYet: units - durations.length,
  };
}

// Who was active on which day: the one index every activity KPI reads (research §2: "active in interval I" = at
// least one qualifying event in I). Units (users or accounts) are interned to small integers and each keeps its
// sorted active days, so windows and cohorts are walks over integer arrays.
import type { Calendar } from './calendar.ts';

/** One qualifying event as the KPIs see it: already filtered to production and to the KPI's event set. */
export type ActivityEvent = { unit: string; event: string; at: number };

export type ActivityIndex = {
  /** Unit names by id. */
  units: string[];
  /** Sorted, distinct active days per unit id. */
  daysOf: number[][];
  /** Unit ids active per day. */
  unitsOn: Map<number, number[]>;
  /** First and last day with any activity (NaN when there is none). */
  firstDay: number;
  lastDay: number;
};

export function indexActivity(events: Iterable<ActivityEvent>, cal: Calendar): ActivityIndex {
  const ids = new Map<string, number>();
  const units: string[] = [];
  const seen: Set<number>[] = [];
  for (const e of events) {
    let id = ids.get(e.unit);
    if (id === undefined) {
      id = units.length;
      ids.set(e.unit, id);
      units.push(e.unit);
      seen.push(new Set());
    }
    (seen[id] as Set<number>).add(cal.dayOf(e.at));
  }
  const unitsOn = new Map<number, number[]>();
  let firstDay = Number.NaN;
  let lastDay = Number.NaN;
  const daysOf = seen.map((set, id) => {
    const days = [...set].sort((a, b) => a - b);
    for (const d of days) {
      const list = unitsOn.get(d);
      if (list) list.push(id);
      else unitsOn.set(d, [id]);
    }
    const first = days[0] as number;
    const last = days[days.length - 1] as number;
    if (!(first >= firstDay)) firstDay = first;
    if (!(last <= lastDay)) lastDay = last;
    return days;
  });
  return { units, daysOf, unitsOn, firstDay, lastDay };
}

/** Distinct units active in the days [from, to] (inclusive). */
export function activeBetween(index: ActivityIndex, from: number, to: number): number {
  let n = 0;
  for (const days of index.daysOf) if (anyBetween(days, from, to)) n++;
  return n;
}

/** Whether a sorted day list has a day in [from, to]. */
export function anyBetween(days: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && (days[lo] as number) <= to;
}

/**
 * For each day of [from, to], the distinct units active in the rolling window of `width` days ending that day
 * (width 1 = DAU, 7 = WAU, 30 = MAU, as PostHog's rolling WAU/MAU). One pass over every unit's active days.
 */
export function rollingActive(index: ActivityIndex, from: number, to: number, width: number): number[] {
  const span = to - from + 1;
  if (span <= 0) return [];
  const diff = new Int32Array(span + 1);
  for (const days of index.daysOf) {
    // Each active day a covers the window ends [a, a + width − 1]; overlapping covers of one unit merge.
    let start = Number.NaN;
    let end = Number.NaN;
    const flush = () => {
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      if (s <= e) {
        (diff[s - from] as number) += 1;
        (diff[e - from + 1] as number) -= 1;
      }
    };
    for (const a of days) {
      if (a > to) break;
      if (a <= end + 1) end = Math.max(end, a + width - 1);
      else {
        if (!Number.isNaN(start)) flush();
        start = a;
        end = a + width - 1;
      }
    }
    if (!Number.isNaN(start)) flush();
  }
  const out = new Array<number>(span);
  let running = 0;
  for (let i = 0; i < span; i++) {
    running += diff[i] as number;
    out[i] = running;
  }
  return out;
}

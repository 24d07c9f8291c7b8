// A KPI's actual value from the events (issue #15): the metric a PRD's success metric is bound to, evaluated over the
// complete window that ends on a given day in the reporting zone. One entry point for every metric kind, so a KPI
// record only names its kind and parameters and the page, the report and the "at risk" alert read the same number.
import { activation } from './activation.ts';
import { type ActivityEvent, indexActivity } from './activity.ts';
import { featureAdoption } from './adoption.ts';
import type { Calendar } from './calendar.ts';
import { activeUsers } from './engagement.ts';
import { funnel } from './funnel.ts';
import { retention } from './retention.ts';

export type KpiMetric =
  /** Distinct units active in the `window` days ending on the day (1 = DAU, 7 = WAU, 30 = MAU). */
  | { kind: 'active_units'; window: 1 | 7 | 30 }
  /** Mean DAU ÷ MAU over the 30 days ending on the day (rolling, so it has a value every day). */
  | { kind: 'stickiness' }
  /** Units first seen in the 30 days before the last `withinDays`, that did a key event within `withinDays`. */
  | { kind: 'activation'; keyEvents: readonly string[]; withinDays: number }
  /** Classic retention in week `week` of the weekly cohorts of the 12 weeks before it could complete. */
  | { kind: 'retention'; week: number }
  /** Units that used the feature ÷ active units, over the `windowDays` days ending on the day. */
  | { kind: 'feature_adoption'; events: readonly string[]; windowDays: number }
  /** Overall conversion of units entering the first step in the `windowDays` days ending on the day. */
  | { kind: 'funnel'; steps: readonly string[]; conversionDays: number; windowDays: number };

const DAY = 86_400_000;

/** The metric's value for the window ending on `day` (a day number in `cal`'s zone), or null when it has no data. */
export function kpiActual(
  metric: KpiMetric,
  events: readonly ActivityEvent[],
  cal: Calendar,
  day: number,
): number | null {
  const upTo = (from: number) => events.filter((e) => inDays(cal, e.at, from, day));
  switch (metric.kind) {
    case 'active_units': {
      const point = activeUsers(indexActivity(upTo(day - 29), cal), day, day)[0];
      if (!point) return null;
      return metric.window === 1 ? point.dau : metric.window === 7 ? point.wau : point.mau;
    }
    case 'stickiness': {
      const points = activeUsers(indexActivity(upTo(day - 58), cal), day - 29, day);
      const mau = points.at(-1)?.mau ?? 0;
      if (mau === 0) return null;
      return points.reduce((n, p) => n + p.dau, 0) / points.length / mau;
    }
    case 'activation': {
      const cohortEnd = day - metric.withinDays;
      const firstSeen = new Map<string, number>();
      for (const e of events) firstSeen.set(e.unit, Math.min(firstSeen.get(e.unit) ?? e.at, e.at));
      const cohort = events.filter((e) => {
        const first = cal.dayOf(firstSeen.get(e.unit) as number);
        return first > cohortEnd - 30 && first <= cohortEnd && cal.dayOf(e.at) <= day;
      });
      const rows = activation(cohort, cal, { ...metric, interval: 'day', today: day });
      const size = rows.reduce((n, r) => n + r.size, 0);
      return size ? rows.reduce((n, r) => n + r.activated, 0) / size : null;
    }
    case 'retention': {
      const r = retention(indexActivity(upTo(day - (12 + metric.week + 1) * 7), cal), {
        interval: 'week',
        periods: metric.week,
        today: day,
        weekStart: cal.weekStart,
        fromDay: day - (12 + metric.week + 1) * 7,
      });
      return r.classic[metric.week] ?? null;
    }
    case 'feature_adoption': {
      const from = day - metric.windowDays + 1;
      const [row] = featureAdoption(upTo(from), cal, [{ feature: 'kpi', events: metric.events }], { from, to: day });
      return row?.share ?? null;
    }
    case 'funnel':
      return funnel(upTo(day - metric.windowDays + 1), metric.steps, metric.conversionDays * DAY).overall;
  }
}

function inDays(cal: Calendar, at: number, from: number, to: number): boolean {
  const d = cal.dayOf(at);
  return d >= from && d <= to;
}

/** The day of the newest event (the reading's "last event at", for the "no data for 7 days" alert), or null. */
export function lastEventAt(events: readonly ActivityEvent[]): number | null {
  let last: number | null = null;
  for (const e of events) if (last === null || e.at > last) last = e.at;
  return last;
}

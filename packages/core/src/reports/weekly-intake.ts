// The weekly PI Studio metrics + intake quality report (research §3.1), composed from the gate's records: five tiles
// (FTPR, PRDs submitted and reviewed, median gate cycle time, overdue conditions, intake queue), the rejection reasons
// of the trailing 4 weeks, the review queue by age (flagged past the p85 cycle time of the last 12 weeks), the
// subsidiaries, and up to three asks generated from threshold breaches. Pure: the server gathers the records.
import {
  firstTimePassRate,
  type GateReviewRecord,
  gateCycleTime,
  type Period,
  rejectionReasons,
} from '../metrics/gate-process.ts';
import type { ReportSnapshot, Tile } from './snapshot.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const HOUR = 3_600_000;

export type QueuedPrd = {
  prd: string;
  title: string;
  author: string;
  waitingSince: number;
  state: 'review' | 'rework';
};

export type WeeklyIntakeInputs = {
  id: string;
  week: Period & { label: string };
  zone: string;
  watermark: string;
  generatedAt: string;
  url: string;
  reviews: readonly GateReviewRecord[];
  /** PRD versions submitted per week: this week and the one before. */
  submitted: { current: number; previous: number };
  overdueConditions: { current: number; previous: number };
  queue: readonly QueuedPrd[];
  subsidiaryOf: (prd: string) => string;
  criterionName: (id: string) => string;
  /** The FTPR target (0–1). */
  ftprTarget: number | null;
};

export function weeklyIntakeReport(x: WeeklyIntakeInputs): ReportSnapshot {
  const previousWeek = { from: x.week.from - WEEK, to: x.week.from };
  const ftpr = firstTimePassRate(x.reviews, x.week);
  const ftprBefore = firstTimePassRate(x.reviews, previousWeek);
  const cycle = gateCycleTime(x.reviews, x.week);
  const cycleBefore = gateCycleTime(x.reviews, previousWeek);
  const reviewed = x.reviews.filter((r) => r.decidedAt >= x.week.from && r.decidedAt < x.week.to).length;
  const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);
  const tiles: Tile[] = [
    {
      label: 'First-time pass rate',
      value: ftpr.rate,
      unit: 'percent',
      previous: ftprBefore.rate,
      target: x.ftprTarget,
      better: 'higher',
    },
    {
      label: 'PRDs submitted',
      value: x.submitted.current,
      unit: 'count',
      previous: x.submitted.previous,
      target: null,
      better: 'higher',
    },
    { label: 'PRDs reviewed', value: reviewed, unit: 'count', previous: null, target: null, better: 'higher' },
    {
      label: 'Median gate cycle time',
      value: hours(cycle.p50Ms),
      unit: 'hours',
      previous: hours(cycleBefore.p50Ms),
      target: null,
      better: 'lower',
    },
    {
      label: 'Overdue conditions',
      value: x.overdueConditions.current,
      unit: 'count',
      previous: x.overdueConditions.previous,
      target: 0,
      better: 'lower',
    },
    { label: 'Intake queue', value: x.queue.length, unit: 'count', previous: null, target: null, better: 'lower' },
  ];
  const reasons = rejectionReasons(x.reviews, { from: x.week.to - 4 * WEEK, to: x.week.to });
  const p85 = gateCycleTime(x.reviews, { from: x.week.to - 12 * WEEK, to: x.week.to }).p85Ms;
  const queue = [...x.queue].sort((a, b) => a.waitingSince - b.waitingSince);
  const ageDays = (q: QueuedPrd) => (x.week.to - q.waitingSince) / DAY;
  const late = queue.filter((q) => p85 !== null && x.week.to - q.waitingSince > p85);
  return {
    id: x.id,
    kind: 'weekly-intake',
    periodLabel: x.week.label,
    zone: x.zone,
    watermark: x.watermark,
    generatedAt: x.generatedAt,
    url: x.url,
    tiles,
    sections: [
      {
        kind: 'table',
        title: 'Rejection reasons (last 4 weeks)',
        columns: ['Criterion', 'Share of non-pass reviews', 'Trend'],
        rows: reasons.map((r) => [
          x.criterionName(r.criterion),
          `${Math.round(r.share * 100)}%`,
          r.trendingDown ? 'falling' : 'not falling',
        ]),
        empty: 'No PRD was sent back in the last 4 weeks.',
      },
      {
        kind: 'table',
        title: 'Awaiting review or rework',
        columns: ['PRD', 'Author', 'State', 'Waiting'],
        rows: queue.map((q) => [
          `${q.title} (${q.prd})`,
          q.author,
          q.state === 'review' ? 'Awaiting review' : 'In rework',
          `${Math.round(ageDays(q) * 10) / 10} d${late.includes(q) ? ' — over the usual cycle time' : ''}`,
        ]),
        empty: 'Nothing is waiting.',
      },
      bySubsidiary(x),
      {
        kind: 'list',
        title: 'Asks',
        items: asks(x, tiles, late, reasons[0]?.criterion),
        empty: 'No thresholds breached.',
      },
    ],
  };
}

function bySubsidiary(x: WeeklyIntakeInputs): ReportSnapshot['sections'][number] {
  const groups = new Map<string, GateReviewRecord[]>();
  for (const r of x.reviews) {
    if (r.decidedAt < x.week.from || r.decidedAt >= x.week.to) continue;
    const s = x.subsidiaryOf(r.prd);
    groups.set(s, [...(groups.get(s) ?? []), r]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([subsidiary, list]) => {
      const rate = firstTimePassRate(list, x.week).rate;
      // A top reason is named only from 3 reviews on: fewer would point at one person.
      const top = list.length >= 3 ? rejectionReasons(list, x.week, { top: 1 })[0] : undefined;
      return [
        subsidiary,
        String(list.length),
        rate === null ? '—' : `${Math.round(rate * 100)}%`,
        top ? x.criterionName(top.criterion) : '—',
      ];
    });
  return {
    kind: 'table',
    title: 'By subsidiary',
    columns: ['Subsidiary', 'Reviewed', 'FTPR', 'Top reason'],
    rows,
    empty: 'No reviews this week.',
  };
}

function asks(x: WeeklyIntakeInputs, tiles: Tile[], late: QueuedPrd[], topReason?: string): string[] {
  const out: string[] = [];
  const ftpr = tiles[0] as Tile;
  if (ftpr.value !== null && ftpr.target !== null && ftpr.value < ftpr.target) {
    const reason = topReason ? `; most PRDs were sent back on ${x.criterionName(topReason)}` : '';
    out.push(`First-time pass rate is below its target${reason}: offer a coaching session.`);
  }
  if (late.length)
    out.push(
      `${late.length} PRD${late.length > 1 ? 's wait' : ' waits'} longer than the usual cycle time: review the oldest first.`,
    );
  if (x.overdueConditions.current > 0)
    out.push(
      `${x.overdueConditions.current} gate condition${x.overdueConditions.current > 1 ? 's are' : ' is'} overdue: ask their owners for a date.`,
    );
  return out.slice(0, 3);
}

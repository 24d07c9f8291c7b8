// Shapes the metrics API's rows into what the charts draw. Pure, so it is tested without a browser.
import { criterionLabel, ruleLabel } from '../../../lib/labels.ts';
import type { GateMetrics } from '../api.ts';

const PALETTE = [
  'indigo.6',
  'red.6',
  'orange.6',
  'teal.6',
  'grape.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'yellow.7',
  'blue.6',
];

/** Weekly first-time pass rate in percent (weeks with nothing decided stay gaps, not zeros). */
export function weeklyPassRate(byWeek: GateMetrics['byWeek']) {
  return byWeek.map((w) => ({
    week: w.week,
    'First-time pass %': w.firstTimePassRate,
    Submitted: w.submitted,
  }));
}

/**
 * One row per week with a count per criterion, for stacked bars. Criteria are ordered by their total (largest
 * first) and only the `limit` largest are kept, the rest summed as "other", so the legend stays readable.
 */
export function reasonsByWeek(rows: GateMetrics['reasonsByWeek'], allWeeks: readonly string[] = [], limit = 6) {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.criterion, (totals.get(r.criterion) ?? 0) + r.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const kept = ranked.slice(0, limit);
  const hasOther = ranked.length > limit;
  // Every week of the period, so quiet weeks show as gaps rather than disappearing from the axis.
  const weeks = [...new Set([...allWeeks, ...rows.map((r) => r.week)])].sort();
  const data = weeks.map((week) => {
    const row: Record<string, string | number> = { week };
    for (const c of kept) row[c] = 0;
    if (hasOther) row.other = 0;
    for (const r of rows) {
      if (r.week !== week) continue;
      const key = kept.includes(r.criterion) ? r.criterion : 'other';
      row[key] = (row[key] as number) + r.count;
    }
    return row;
  });
  const names = hasOther ? [...kept, 'other'] : kept;
  const series = names.map((name, i) => ({
    name,
    label: name === 'other' ? 'Other' : criterionLabel(name),
    color: name === 'other' ? 'gray.5' : (PALETTE[i % PALETTE.length] ?? 'gray.6'),
  }));
  return { data, series };
}

/** Top rejection reasons as bars labelled with the rule's summary, largest first. */
export function topReasonBars(rows: GateMetrics['topReasons'], limit = 10) {
  return [...rows]
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, limit)
    .map((r) => ({ reason: ruleLabel(r.rule), rule: r.rule, criterion: r.criterion, Findings: r.count }));
}

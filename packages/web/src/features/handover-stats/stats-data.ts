// The statistics page's numbers, pure: gaps by severity, one chart row per checklist item (worst first, as the API
// orders them) and the item in words.
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS } from '@pi-studio/core/contract/handover-package';
import type { GapStats, GapStatsItem } from './api.ts';

export type Severity = (typeof GAP_SEVERITIES)[number];
export type SeverityTotals = Record<Severity, number> & { total: number };

export function severityTotals(stats: GapStats): SeverityTotals {
  const totals: SeverityTotals = { critical: 0, major: 0, minor: 0, total: 0 };
  for (const item of stats.items) {
    for (const s of GAP_SEVERITIES) totals[s] += item[s];
    totals.total += item.gaps;
  }
  return totals;
}

/** "OPS-5 · Alerts reach the on-call…"; gaps no item should have caught have no item. */
export const itemName = (item: GapStatsItem) =>
  item.itemId === null ? 'No checklist item' : item.label ? `${item.itemId} · ${item.label}` : item.itemId;

/** One bar per item, a segment per severity, keyed by the severity's label (the chart's legend). */
export function chartRows(stats: GapStats) {
  return stats.items.map((item) => ({
    item: item.itemId ?? 'None',
    ...Object.fromEntries(GAP_SEVERITIES.map((s) => [GAP_SEVERITY_LABELS[s], item[s]])),
  }));
}

/** "2 of 3 accepted packages" or the reason there is no rate yet. */
export function rateLine(stats: GapStats): string {
  if (stats.accepted === 0) return 'IT has not accepted any package yet.';
  return `${stats.acceptedOnFirstHandover} of ${stats.accepted} accepted package${stats.accepted === 1 ? ' was' : 's were'} accepted on the first handover.`;
}

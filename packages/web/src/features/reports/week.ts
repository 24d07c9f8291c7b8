// ISO week arithmetic for the report's week picker (the server checks the same rules).
import { isoWeekOf, isoWeekStart } from '@pi-studio/core/contract/reports';

const WEEK = 7 * 86_400_000;

/** The ISO week `n` weeks after `week` (negative: before). */
export function shiftWeek(week: string, n: number): string {
  const start = isoWeekStart(week);
  if (start === null) throw new RangeError(`not an ISO week: ${week}`);
  return isoWeekOf(start + n * WEEK);
}

/** The last week that has ended at `now`: the report's default. */
export const lastCompleteWeek = (now: number) => isoWeekOf(now - WEEK);

/** "9 Nov – 15 Nov 2026" for a week label. */
export function weekRange(week: string): string {
  const start = isoWeekStart(week);
  if (start === null) return week;
  const fmt = (ms: number, year: boolean) =>
    new Date(ms).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
  return `${fmt(start, false)} – ${fmt(start + WEEK - 1, true)}`;
}

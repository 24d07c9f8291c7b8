// Early-life support (research/handover.md §6, checklist SUP-5): after IT accepts a package, the builders stay L3 for
// a fixed window (30 days unless set otherwise) and post-handover gaps found in it are counted as early-life gaps —
// the ones handover should have caught. Pure: the dates come in as values, today included.

export const ELS_STATUSES = ['active', 'ended'] as const;
export type ElsStatus = (typeof ELS_STATUSES)[number];
export const ELS_STATUS_LABELS: Readonly<Record<ElsStatus, string>> = {
  active: 'In early-life support',
  ended: 'Ended',
};

export const ELS_LIMITS = { defaultDays: 30, minDays: 1, maxDays: 365 } as const;

export type ElsWindow = { days: number; startsOn: string; endsOn: string };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The window from the acceptance day (UTC) for `days` days: it ends on start + days, the last day inside it. */
export function elsWindow(acceptedAt: Date, days: number | null | undefined): ElsWindow {
  const n =
    Number.isInteger(days) && (days as number) >= ELS_LIMITS.minDays ? (days as number) : ELS_LIMITS.defaultDays;
  const start = Date.UTC(acceptedAt.getUTCFullYear(), acceptedAt.getUTCMonth(), acceptedAt.getUTCDate());
  return { days: n, startsOn: isoDay(start), endsOn: isoDay(start + n * DAY_MS) };
}

/** Whether an ISO day (YYYY-MM-DD) falls inside the window, both ends included. */
export function inEls(window: ElsWindow, day: string): boolean {
  return day >= window.startsOn && day <= window.endsOn;
}

export function elsStatus(window: ElsWindow, today: Date): ElsStatus {
  return today.toISOString().slice(0, 10) <= window.endsOn ? 'active' : 'ended';
}

/** The end of a window that would start on `reviewDate` (what a gap accepted at the review must be due by). */
export function elsEndFrom(reviewDate: string, days: number): string {
  const start = Date.parse(`${reviewDate}T00:00:00Z`);
  return Number.isFinite(start) ? isoDay(start + days * DAY_MS) : reviewDate;
}

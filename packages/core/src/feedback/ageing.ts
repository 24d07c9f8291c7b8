// How long feedback has waited for triage: whole days since it arrived, and the summary's three buckets (under 2
// days, 2–7 days, over 7 days). The clock is passed in, so tests and the server give the same answer.

const DAY_MS = 86_400_000;

export function ageDays(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS));
}

export type AgeBucket = 'under2Days' | 'from2To7Days' | 'over7Days';

export function ageBucket(days: number): AgeBucket {
  if (days < 2) return 'under2Days';
  return days <= 7 ? 'from2To7Days' : 'over7Days';
}

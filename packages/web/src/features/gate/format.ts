// How gate values look everywhere in the UI: verdict and severity colours, ages, percentages.
import type { Severity, Verdict } from '@pi-studio/core/gate/types';

export const VERDICT_LABEL: Record<Verdict, string> = { pass: 'Pass', conditional: 'Conditional', fail: 'Fail' };
export const VERDICT_COLOR: Record<Verdict, string> = { pass: 'green', conditional: 'yellow', fail: 'red' };

export const SEVERITY_COLOR: Record<Severity, string> = {
  blocker: 'red',
  major: 'orange',
  minor: 'yellow',
  info: 'blue',
};
export const SEVERITY_ORDER: Record<Severity, number> = { blocker: 0, major: 1, minor: 2, info: 3 };

/** "5 h" under two days, "3 d" after: reviewers care about days once a PRD has waited overnight. */
export function ageLabel(hours: number): string {
  if (!Number.isFinite(hours) || hours < 1) return '< 1 h';
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} d`;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days a review has waited since it was submitted (0 on its first day). */
export function daysWaiting(since: string, now: Date = new Date()): number {
  const ms = now.getTime() - new Date(since).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / DAY_MS)) : 0;
}

/** "less than a day", "1 day", "3 days". */
export function daysLabel(days: number): string {
  if (days < 1) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}

/** Green the first day, yellow the second and third, red after three days in the queue. */
export function ageColor(hours: number): 'green' | 'yellow' | 'red' {
  if (hours < 24) return 'green';
  if (hours < 72) return 'yellow';
  return 'red';
}

/** Rates come from the API as percentages (66.7); null (nothing decided yet) → "—". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)}%`;
}

/** Colour of a 0–1 criterion score bar. */
export function scoreColor(score: number): string {
  if (score >= 0.8) return 'green';
  if (score >= 0.5) return 'yellow';
  return 'red';
}

/** Colour of a 0–100 document score against the rubric's thresholds (defaults: 80 pass, 60 conditional). */
export function documentScoreColor(score: number, passScore = 80, conditionalScore = 60): string {
  if (score >= passScore) return 'green';
  if (score >= conditionalScore) return 'yellow';
  return 'red';
}

/** A fix that cites the golden library ends in `Golden example (SOURCE): "…"`; show that part separately. */
export function splitGoldenCitation(fix: string): {
  fix: string;
  golden: { source: string | null; text: string } | null;
} {
  const at = fix.indexOf(' Golden example');
  if (at < 0) return { fix, golden: null };
  const tail = fix.slice(at + ' Golden example'.length);
  const match = /^(?: \(([^)]*)\))?: "([\s\S]*)"$/.exec(tail);
  if (!match) return { fix, golden: null };
  return { fix: fix.slice(0, at), golden: { source: match[1] ?? null, text: match[2] ?? '' } };
}

/** yyyy-mm-dd of a date `days` from `now`, in UTC (what date inputs and the API exchange). */
export function isoDateInDays(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** "decided by ProductOps; the engine said Fail" when the decision differs: explains a green badge by a low score. */
export function overruledLabel(gate: { verdict: Verdict | null; engineVerdict: Verdict | null }): string | null {
  if (!gate.verdict || !gate.engineVerdict || gate.engineVerdict === gate.verdict) return null;
  return `decided by ProductOps; the engine said ${VERDICT_LABEL[gate.engineVerdict]}`;
}

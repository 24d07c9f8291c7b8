// A sprint's metrics in words, pure so they are tested without a browser.
import type { Sprint } from '../api.ts';
import { plural } from '../format.ts';

export type MetricLine = { label: string; value: string; warn: boolean };

/** Minutes as people say them: "45 min", "3.5 h", "2.1 days". */
export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 60 * 24) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${Math.round((minutes / 60 / 24) * 10) / 10} days`;
}

/** The figures shown on a started sprint; none before it starts (every count is 0 then). */
export function sprintMetricLines(s: Sprint): MetricLine[] {
  if (!s.startedAt) return [];
  const m = s.metrics;
  return [
    {
      label: 'Committed done',
      value: `${m.committedDone} of ${m.committedTotal}`,
      warn: s.status === 'ended' && m.committedDone < m.committedTotal,
    },
    { label: 'Added after start', value: String(m.storiesAddedAfterStart), warn: m.storiesAddedAfterStart > 0 },
    { label: 'Scope surprises', value: String(m.scopeSurprises), warn: m.scopeSurprises > 0 },
    {
      label: 'Mid-sprint clarifications',
      value:
        m.openClarifications > 0
          ? `${m.midSprintClarifications} (${plural(m.openClarifications, 'open question')})`
          : String(m.midSprintClarifications),
      warn: m.openClarifications > 0,
    },
    {
      label: 'Median time to answer',
      value: m.medianAnswerMinutes === null ? '—' : durationLabel(m.medianAnswerMinutes),
      warn: false,
    },
  ];
}

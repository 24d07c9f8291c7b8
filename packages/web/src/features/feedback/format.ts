// The inbox's words: sources and statuses as labels (never the API's codes), the ageing of untriaged items, and what
// a triaged item became — pure, so they are tested without a browser (format.test.ts).
import type { FeedbackSource, FeedbackStatus } from '@pi-studio/core/contract/feedback';
import { type AgeBucket, ageBucket } from '@pi-studio/core/feedback/ageing';
import { countOf } from '../backlog/stories-view.ts';
import type { FeedbackItem, FeedbackSummary } from './api.ts';

export const SOURCE_LABEL: Record<FeedbackSource, string> = {
  form: 'Form',
  guest: 'Guest link',
  api: 'API',
  whatsapp: 'WhatsApp',
  slack: 'Slack',
  teams: 'Teams',
};

export const STATUS_LABEL: Record<FeedbackStatus, string> = {
  new: 'Waiting for triage',
  accepted: 'Accepted',
  duplicate: 'Duplicate',
  clarification: 'Question asked',
  declined: 'Declined',
};

export const STATUS_COLOR: Record<FeedbackStatus, string> = {
  new: 'blue',
  accepted: 'green',
  duplicate: 'gray',
  clarification: 'violet',
  declined: 'red',
};

export const AGE_COLOR: Record<AgeBucket, string> = { under2Days: 'gray', from2To7Days: 'orange', over7Days: 'red' };

/** "3 days untriaged" ("arrived today" under a day); null once triaged. */
export function ageLabel(days: number | null): string | null {
  if (days === null) return null;
  if (days === 0) return 'Untriaged, arrived today';
  return `${countOf(days, 'day')} untriaged`;
}

export const ageColor = (days: number) => AGE_COLOR[ageBucket(days)];

/** The summary strip's sentence: how many wait, and for how long. */
export function ageingLine(u: FeedbackSummary['untriaged']): string {
  if (u.total === 0) return 'Nothing waits for triage.';
  const oldest =
    u.oldestAgeDays === null
      ? ''
      : u.oldestAgeDays === 0
        ? '; all arrived today'
        : `; the oldest for ${countOf(u.oldestAgeDays, 'day')}`;
  return `${countOf(u.total, 'item')} waiting for triage${oldest}.`;
}

/** The three age buckets in the order the strip shows them, with their words. */
export function ageSegments(u: FeedbackSummary['untriaged']) {
  return [
    { bucket: 'under2Days' as const, label: 'under 2 days', count: u.under2Days },
    { bucket: 'from2To7Days' as const, label: '2–7 days', count: u.from2To7Days },
    { bucket: 'over7Days' as const, label: 'over 7 days', count: u.over7Days },
  ];
}

/** What triage made of an item, in words; null while it waits. */
export function outcomeLine(item: FeedbackItem): string | null {
  switch (item.status) {
    case 'accepted':
      return item.story ? `Became ${item.story.type === 'bug' ? 'bug' : 'story'} ${item.story.key}` : 'Accepted';
    case 'duplicate':
      return item.duplicateOf ? `Duplicate of ${item.duplicateOf}` : 'Duplicate';
    case 'declined':
      return item.declineReason ? `Declined: ${item.declineReason}` : 'Declined';
    case 'clarification':
      return 'Asked as a question in a sprint’s clarification log';
    default:
      return null;
  }
}

/** "Ana Pilot · via WhatsApp, 3 sources" — who said it and where it was heard (merged duplicates add sources). */
export function provenanceLine(item: FeedbackItem): string {
  const sources = new Set(item.provenance.map((p) => p.source));
  const more = item.provenance.length > 1 ? ` · heard ${countOf(item.provenance.length, 'time')}` : '';
  const via = [...sources].map((s) => SOURCE_LABEL[s]).join(', ');
  return `${item.author} · via ${via || SOURCE_LABEL[item.source]}${more}`;
}

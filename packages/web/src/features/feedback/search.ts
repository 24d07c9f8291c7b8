// The inbox's address: its filters (the API's query fields of the same names), so a filtered inbox can be linked and
// survives a reload. Without a status the inbox shows what waits for triage; `all` shows every status.
import {
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  type FeedbackSource,
  type FeedbackStatus,
} from '@pi-studio/core/contract/feedback';
import type { FeedbackFilters } from './api.ts';

export type FeedbackSearch = { status?: FeedbackStatus | 'all'; source?: FeedbackSource };

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function feedbackSearch(s: Record<string, unknown>): FeedbackSearch {
  return {
    status: s.status === 'all' ? 'all' : oneOf(FEEDBACK_STATUSES, s.status),
    source: oneOf(FEEDBACK_SOURCES, s.source),
  };
}

/** What the list asks the API for. */
export function filtersOf(search: FeedbackSearch): FeedbackFilters {
  const status = search.status ?? 'new';
  return { status: status === 'all' ? undefined : status, source: search.source };
}

// Query keys start with 'feedback' and the product code, so one invalidation refreshes the inbox and its summary.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FeedbackFilters, fetchDistinctPairs, fetchFeedbackPage, fetchFeedbackSummary } from './api.ts';

export const feedbackKeys = {
  all: (code: string) => ['feedback', code] as const,
  list: (code: string, filters: FeedbackFilters) => ['feedback', code, 'list', filters] as const,
  summary: (code: string) => ['feedback', code, 'summary'] as const,
  distinct: (code: string) => ['feedback', code, 'distinct'] as const,
};

/** The inbox, newest first, one page after another along the API's cursor ("Load more"). */
export const useFeedbackList = (code: string, filters: FeedbackFilters) =>
  useInfiniteQuery({
    queryKey: feedbackKeys.list(code, filters),
    queryFn: ({ pageParam }) => fetchFeedbackPage(code, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useFeedbackSummary = (code: string) =>
  useQuery({ queryKey: feedbackKeys.summary(code), queryFn: () => fetchFeedbackSummary(code) });

/** The pairs someone recorded as not duplicates: the inbox does not suggest them. */
export const useDistinctPairs = (code: string) =>
  useQuery({ queryKey: feedbackKeys.distinct(code), queryFn: () => fetchDistinctPairs(code) });

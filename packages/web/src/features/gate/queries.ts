// Query keys start with 'gate' (or the resource) so one invalidation refreshes every list that shows a review.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchGolden,
  fetchMetrics,
  fetchQueue,
  fetchReview,
  fetchReviews,
  fetchRubric,
  fetchRubrics,
  type GoldenFilters,
  type MetricsFilters,
  type ReviewFilters,
} from './api.ts';

export const gateKeys = {
  all: ['gate'] as const,
  queue: (subsidiary: string) => ['gate', 'queue', subsidiary] as const,
  reviews: (filters: ReviewFilters) => ['gate', 'reviews', filters] as const,
  review: (id: string) => ['gate', 'review', id] as const,
  metrics: (filters: MetricsFilters) => ['gate', 'metrics', filters] as const,
  rubrics: ['rubrics'] as const,
  rubric: (id: string) => ['rubrics', id] as const,
  golden: ['golden'] as const,
  goldenList: (filters: GoldenFilters) => ['golden', filters] as const,
};

export const useQueue = (subsidiary: string) =>
  useQuery({ queryKey: gateKeys.queue(subsidiary), queryFn: () => fetchQueue(subsidiary || undefined) });

export const useReviews = (filters: ReviewFilters, enabled = true) =>
  useQuery({ queryKey: gateKeys.reviews(filters), queryFn: () => fetchReviews(filters), enabled });

export const useReview = (id: string) => useQuery({ queryKey: gateKeys.review(id), queryFn: () => fetchReview(id) });

export const useMetrics = (filters: MetricsFilters) =>
  useQuery({
    queryKey: gateKeys.metrics(filters),
    queryFn: () => fetchMetrics(filters),
    placeholderData: keepPreviousData,
  });

export const useRubrics = (enabled = true) =>
  useQuery({ queryKey: gateKeys.rubrics, queryFn: fetchRubrics, staleTime: 60_000, enabled });

/** Rubric versions are immutable: a fetched definition never goes stale. */
export const useRubric = (id: string | null | undefined) =>
  useQuery({
    queryKey: gateKeys.rubric(id ?? ''),
    queryFn: () => fetchRubric(id ?? ''),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useGolden = (filters: GoldenFilters, enabled = true) =>
  useQuery({
    queryKey: gateKeys.goldenList(filters),
    queryFn: () => fetchGolden(filters),
    placeholderData: keepPreviousData,
    enabled,
  });

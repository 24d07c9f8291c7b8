import { useQuery } from '@tanstack/react-query';
import { type SearchParams, searchDocuments } from './api.ts';

export const MIN_QUERY = 2;

export const searchKeys = {
  all: ['search'] as const,
  results: (params: SearchParams) => [...searchKeys.all, params] as const,
};

export const useSearch = (params: SearchParams) =>
  useQuery({
    queryKey: searchKeys.results(params),
    queryFn: ({ signal }) => searchDocuments(params, signal),
    enabled: params.q.trim().length >= MIN_QUERY,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });

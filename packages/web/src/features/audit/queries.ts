import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type AuditFilters, fetchAuditPage } from './api.ts';

export const auditKeys = {
  all: () => ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

/** Cursor pages; "Load more" fetches the next one with the cursor the last page returned. */
export const useAuditEvents = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

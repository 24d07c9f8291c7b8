// Query keys start with 'handover-templates'. A stored version never changes, so it is read once.
import { useQuery } from '@tanstack/react-query';
import { fetchTemplate, fetchTemplates } from './api.ts';

export const templateKeys = {
  list: ['handover-templates'] as const,
  version: (id: string, version: number) => ['handover-templates', id, version] as const,
};

export const useTemplates = () => useQuery({ queryKey: templateKeys.list, queryFn: fetchTemplates });

export const useTemplate = (id: string | null, version: number | null) =>
  useQuery({
    queryKey: templateKeys.version(id ?? '', version ?? 0),
    queryFn: () => fetchTemplate(id ?? '', version ?? 0),
    enabled: id !== null && version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

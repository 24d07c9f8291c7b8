import { useQuery } from '@tanstack/react-query';
import { fetchNaming, fetchSubsidiaries, fetchTaxonomy, fetchUsers, type TaxonomyKind } from './api.ts';

export const workspaceKeys = {
  subsidiaries: ['subsidiaries'] as const,
  users: (subsidiary?: string) => ['users', { subsidiary: subsidiary ?? null }] as const,
  taxonomy: (kind: TaxonomyKind) => ['taxonomy', kind] as const,
  naming: ['naming'] as const,
};

export const useSubsidiaries = () =>
  useQuery({ queryKey: workspaceKeys.subsidiaries, queryFn: fetchSubsidiaries, staleTime: 60_000 });

export const useUsers = (subsidiary?: string) =>
  useQuery({ queryKey: workspaceKeys.users(subsidiary), queryFn: () => fetchUsers(subsidiary), staleTime: 60_000 });

export const useTaxonomy = (kind: TaxonomyKind) =>
  useQuery({ queryKey: workspaceKeys.taxonomy(kind), queryFn: () => fetchTaxonomy(kind), staleTime: 60_000 });

/** code → label for taxonomy terms, so cards can show "Internal tool" instead of internal_tool. */
export function useTaxonomyLabels(kind: TaxonomyKind): (code: string) => string {
  const { data } = useTaxonomy(kind);
  return (code) => data?.find((t) => t.code === code)?.label ?? code;
}

export const useNaming = () =>
  useQuery({ queryKey: workspaceKeys.naming, queryFn: fetchNaming, staleTime: 5 * 60_000 });

// Query keys start with the resource name so other features' lists of the same resource refresh too.

import type { Me } from '@pi-studio/core/contract/auth';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchMe,
  fetchNaming,
  fetchSubsidiaries,
  fetchTaxonomy,
  fetchTemplate,
  fetchTemplates,
  fetchUsers,
  validateId,
} from './api.ts';

export const adminKeys = {
  me: () => ['account', 'me'] as const,
  users: () => ['users'] as const,
  userList: (q: string) => ['users', 'list', { q }] as const,
  subsidiaries: () => ['subsidiaries'] as const,
  subsidiaryList: () => ['subsidiaries', 'list'] as const,
  taxonomy: () => ['taxonomy'] as const,
  taxonomyList: (kind: TaxonomyKind) => ['taxonomy', 'list', kind] as const,
  naming: () => ['naming'] as const,
  namingValidation: (id: string) => ['naming', 'validate', id] as const,
  templates: () => ['templates'] as const,
  templateList: () => ['templates', 'list'] as const,
  template: (id: string) => ['templates', 'detail', id] as const,
};

export const useMe = () => useQuery({ queryKey: adminKeys.me(), queryFn: fetchMe, staleTime: 60_000 });

/** Template editing is for admins and product ops (the server decides; this only hides the button). */
export function canEditTemplates(me: Me | undefined): boolean {
  if (!me) return false;
  return me.user.isAdmin || me.memberships.some((m) => m.role === 'admin' || m.role === 'productops');
}

export const useUsers = (q: string) =>
  useQuery({ queryKey: adminKeys.userList(q), queryFn: () => fetchUsers(q), placeholderData: keepPreviousData });

export const useSubsidiaries = () => useQuery({ queryKey: adminKeys.subsidiaryList(), queryFn: fetchSubsidiaries });

export const useTaxonomy = (kind: TaxonomyKind) =>
  useQuery({ queryKey: adminKeys.taxonomyList(kind), queryFn: () => fetchTaxonomy(kind) });

export const useNaming = () => useQuery({ queryKey: adminKeys.naming(), queryFn: fetchNaming });

/** Validation is read-only, so it is a query keyed by the id being tried (cached while typing back and forth). */
export const useIdValidation = (id: string) =>
  useQuery({
    queryKey: adminKeys.namingValidation(id),
    queryFn: ({ signal }) => validateId(id, signal),
    enabled: id.trim() !== '',
    placeholderData: keepPreviousData,
  });

export const useTemplates = () => useQuery({ queryKey: adminKeys.templateList(), queryFn: fetchTemplates });

export const useTemplate = (id: string | null) =>
  useQuery({ queryKey: adminKeys.template(id ?? ''), queryFn: () => fetchTemplate(id ?? ''), enabled: id !== null });

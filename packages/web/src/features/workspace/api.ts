import type { Naming, SubsidiaryList, TaxonomyList, UserList } from '@pi-studio/core/contract/workspace';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import { api, qs } from '../../lib/api.ts';

export type { TaxonomyKind };

export const fetchSubsidiaries = () => api.get<SubsidiaryList>('/subsidiaries').then((r) => r.items);

export const fetchUsers = (subsidiary?: string) =>
  api.get<UserList>(`/users${qs({ subsidiary })}`).then((r) => r.items);

export const fetchTaxonomy = (kind: TaxonomyKind) =>
  api.get<TaxonomyList>(`/taxonomy${qs({ kind })}`).then((r) => r.items);

export const fetchNaming = () => api.get<Naming>('/naming');

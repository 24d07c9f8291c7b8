import type { NamingConvention } from '@pi-studio/core/naming/convention';
import { api, qs } from '../../lib/api.ts';

export type Person = { id: string; name: string; email: string };
export type Subsidiary = { id: string; code: string; name: string; productCount: number; myRole: string | null };
export type UserSummary = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  memberships: { subsidiary: string; role: string }[];
};
export type TaxonomyKind = 'product_type' | 'tag';
export type TaxonomyTerm = { id: string; kind: TaxonomyKind; code: string; label: string; archived: boolean };

type List<T> = { items: T[]; nextCursor?: string | null };

export const fetchSubsidiaries = () => api.get<List<Subsidiary>>('/subsidiaries').then((r) => r.items);

export const fetchUsers = (subsidiary?: string) =>
  api.get<List<UserSummary>>(`/users${qs({ subsidiary })}`).then((r) => r.items);

export const fetchTaxonomy = (kind: TaxonomyKind) =>
  api.get<List<TaxonomyTerm>>(`/taxonomy${qs({ kind })}`).then((r) => r.items);

export const fetchNaming = () => api.get<{ version: number; convention: NamingConvention }>('/naming');

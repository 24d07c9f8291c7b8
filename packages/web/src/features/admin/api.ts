// Calls behind the admin pages; components never call `api` directly.
import { api, qs } from '../../lib/api.ts';
import type {
  Bump,
  CreatedUser,
  CreateUserBody,
  IdValidation,
  Items,
  Me,
  Membership,
  NamingConvention,
  Subsidiary,
  TaxonomyKind,
  TaxonomyTerm,
  TemplateDetail,
  TemplateSummary,
  UpdateUserBody,
  User,
} from './types.ts';

export const fetchMe = () => api.get<Me>('/auth/me');

export const fetchUsers = (q: string) => api.get<Items<User>>(`/users${qs({ q })}`);
export const createUser = (body: CreateUserBody) => api.post<CreatedUser>('/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body);
export const setMemberships = (id: string, memberships: Membership[]) =>
  api.put<User>(`/users/${id}/memberships`, { memberships });

export const fetchSubsidiaries = () => api.get<Items<Subsidiary>>('/subsidiaries');
export const createSubsidiary = (body: { code: string; name: string }) => api.post<Subsidiary>('/subsidiaries', body);
export const renameSubsidiary = (code: string, name: string) =>
  api.patch<Subsidiary>(`/subsidiaries/${encodeURIComponent(code)}`, { name });

export const fetchTaxonomy = (kind: TaxonomyKind) => api.get<Items<TaxonomyTerm>>(`/taxonomy${qs({ kind })}`);
export const createTerm = (body: { kind: TaxonomyKind; code: string; label: string }) =>
  api.post<TaxonomyTerm>('/taxonomy', body);
export const updateTerm = (id: string, body: { label?: string; archived?: boolean }) =>
  api.patch<TaxonomyTerm>(`/taxonomy/${id}`, body);

export const fetchNaming = () => api.get<NamingConvention>('/naming');
export const saveNaming = (convention: Record<string, unknown>) => api.put<NamingConvention>('/naming', { convention });
export const validateId = (id: string, signal?: AbortSignal) =>
  api.post<IdValidation>('/naming/validate', { id }, { signal });

export const fetchTemplates = () => api.get<Items<TemplateSummary>>('/templates');
export const fetchTemplate = (id: string) => api.get<TemplateDetail>(`/templates/${id}`);
/** `basedOn` is the version the draft started from: a save over a newer version gets 409 stale_version. */
export const saveTemplateVersion = (id: string, body: { body: string; bump: Bump }, basedOn: string) =>
  api.post<TemplateDetail>(`/templates/${id}/versions`, body, { headers: { 'if-match': `"${basedOn}"` } });

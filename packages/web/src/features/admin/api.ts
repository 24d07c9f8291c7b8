// Calls behind the admin pages; components never call `api` directly.
import type { Me } from '@pi-studio/core/contract/auth';
import type { TemplateDetail, TemplateList, TemplateVersionBody } from '@pi-studio/core/contract/templates';
import type {
  CreatedUser,
  IdCheck,
  Membership,
  Naming,
  Subsidiary,
  SubsidiaryBody,
  SubsidiaryList,
  TaxonomyBody,
  TaxonomyList,
  TaxonomyPatch,
  TaxonomyTerm,
  User,
  UserInput,
  UserList,
  UserPatch,
} from '@pi-studio/core/contract/workspace';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import { api, qs } from '../../lib/api.ts';

export const fetchMe = () => api.get<Me>('/auth/me');

export const fetchUsers = (q: string) => api.get<UserList>(`/users${qs({ q })}`);
export const createUser = (body: UserInput) => api.post<CreatedUser>('/users', body);
export const updateUser = (id: string, body: UserPatch) => api.patch<User>(`/users/${id}`, body);
export const setMemberships = (id: string, memberships: Membership[]) =>
  api.put<User>(`/users/${id}/memberships`, { memberships });

export const fetchSubsidiaries = () => api.get<SubsidiaryList>('/subsidiaries');
export const createSubsidiary = (body: SubsidiaryBody) => api.post<Subsidiary>('/subsidiaries', body);
export const renameSubsidiary = (code: string, name: string) =>
  api.patch<Subsidiary>(`/subsidiaries/${encodeURIComponent(code)}`, { name });
/** The four-eyes rule at the gate: on, the author of a submitted PRD version cannot decide its review. */
export const setGateFourEyes = (code: string, gateFourEyes: boolean) =>
  api.patch<Subsidiary>(`/subsidiaries/${encodeURIComponent(code)}`, { gateFourEyes });

export const fetchTaxonomy = (kind: TaxonomyKind) => api.get<TaxonomyList>(`/taxonomy${qs({ kind })}`);
export const createTerm = (body: TaxonomyBody) => api.post<TaxonomyTerm>('/taxonomy', body);
export const updateTerm = (id: string, body: TaxonomyPatch) => api.patch<TaxonomyTerm>(`/taxonomy/${id}`, body);

export const fetchNaming = () => api.get<Naming>('/naming');
/** The convention as edited (the JSON view sends whatever was typed); the server checks it against ZNamingBody. */
export const saveNaming = (convention: Record<string, unknown>) => api.put<Naming>('/naming', { convention });
export const validateId = (id: string, signal?: AbortSignal) =>
  api.post<IdCheck>('/naming/validate', { id }, { signal });

export const fetchTemplates = () => api.get<TemplateList>('/templates');
export const fetchTemplate = (id: string) => api.get<TemplateDetail>(`/templates/${id}`);
/** `basedOn` is the version the draft started from: a save over a newer version gets 409 stale_version. */
export const saveTemplateVersion = (id: string, body: TemplateVersionBody, basedOn: string) =>
  api.post<TemplateDetail>(`/templates/${id}/versions`, body, { headers: { 'if-match': `"${basedOn}"` } });

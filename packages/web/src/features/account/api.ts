// Calls behind the account page: the signed-in person's password and API tokens.
import type { TokenScope } from '@pi-studio/core/access/token-scopes';
import { api } from '../../lib/api.ts';

export type { TokenScope };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** `token` is the secret: in this one response only, the server keeps a hash. */
export type CreatedToken = ApiToken & { token: string };

export type CreateTokenBody = { name: string; scopes: TokenScope[]; expiresInDays?: number };

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<void>('/auth/password', body);

export const fetchTokens = () => api.get<{ items: ApiToken[] }>('/tokens');
export const createToken = (body: CreateTokenBody) => api.post<CreatedToken>('/tokens', body);
export const revokeToken = (id: string) => api.delete<ApiToken>(`/tokens/${id}`);

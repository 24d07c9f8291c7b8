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

// Two-step sign-in (TOTP) of the signed-in person; its status comes with /auth/me (features/auth).
export type TotpEnrolment = { secret: string; otpauthUri: string };
export const startTotp = () => api.post<TotpEnrolment>('/auth/totp');
export const confirmTotp = (body: { code: string }) =>
  api.post<{ recoveryCodes: string[] }>('/auth/totp/confirm', body);
export const disableTotp = (body: { currentPassword: string }) => api.delete<void>('/auth/totp', { body });
export const regenerateRecoveryCodes = (body: { currentPassword: string }) =>
  api.post<{ recoveryCodes: string[] }>('/auth/totp/recovery-codes', body);

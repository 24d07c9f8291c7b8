// Calls behind the account page: the signed-in person's password and API tokens.
import type { TokenScope } from '@pi-studio/core/access/token-scopes';
import type {
  ApiToken,
  CodeBody,
  CreatedToken,
  CurrentPasswordBody,
  Enrolment,
  PasswordBody,
  RecoveryCodes,
  TokenBody,
  TokenList,
} from '@pi-studio/core/contract/auth';
import { api } from '../../lib/api.ts';

export type { ApiToken, CreatedToken, TokenScope };

export const changePassword = (body: PasswordBody) => api.post<void>('/auth/password', body);

export const fetchTokens = () => api.get<TokenList>('/tokens');
/** The answer carries the secret (`token`) in this one response only; the server keeps a hash. */
export const createToken = (body: TokenBody) => api.post<CreatedToken>('/tokens', body);
export const revokeToken = (id: string) => api.delete<ApiToken>(`/tokens/${id}`);

// Two-step sign-in (TOTP) of the signed-in person; its status comes with /auth/me (features/auth).
export const startTotp = () => api.post<Enrolment>('/auth/totp');
export const confirmTotp = (body: CodeBody) => api.post<RecoveryCodes>('/auth/totp/confirm', body);
export const disableTotp = (body: CurrentPasswordBody) => api.delete<void>('/auth/totp', { body });
export const regenerateRecoveryCodes = (body: CurrentPasswordBody) =>
  api.post<RecoveryCodes>('/auth/totp/recovery-codes', body);

// Studio-wide sign-in settings (administrators). Single sign-on adds its provider settings beside these.
import type { SignInSettings } from '@pi-studio/core/contract/sign-in';
import { api } from '../../../lib/api.ts';

export type { SignInSettings };
export type RequireTotp = SignInSettings['requireTotp'];

export const fetchSignInSettings = () => api.get<SignInSettings>('/admin/sign-in');
export const saveSignInSettings = (body: SignInSettings) => api.put<SignInSettings>('/admin/sign-in', body);

/** Lost phone: removes a person's authenticator and recovery codes (they set it up again when required). */
export const resetUserTotp = (userId: string) => api.delete<void>(`/users/${userId}/totp`);

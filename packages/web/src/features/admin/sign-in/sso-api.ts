// Single sign-on settings (administrators): the provider, the membership rules and the password sign-in switch.
import type { SsoBody, SsoSettings, SsoTestResult } from '@pi-studio/core/contract/sign-in';
import { api } from '../../../lib/api.ts';

export type { SsoSettings, SsoTestResult };
export type SsoRule = SsoSettings['rules'][number];
/** `clientSecret` omitted: keep the saved secret. */
export type SsoSettingsBody = SsoBody;

export const fetchSsoSettings = () => api.get<SsoSettings>('/admin/sso');
export const saveSsoSettings = (body: SsoSettingsBody) => api.put<SsoSettings>('/admin/sso', body);
export const testSsoConnection = (issuer?: string) =>
  api.post<SsoTestResult>('/admin/sso/test', issuer ? { issuer } : {});

// Single sign-on settings (administrators): the provider, the membership rules and the password sign-in switch.
import type { Role } from '@pi-studio/core/access/roles';
import { api } from '../../../lib/api.ts';

export type SsoRule = { match: 'group' | 'domain'; value: string; subsidiary: string; role: Role };

export type SsoSettings = {
  /** `environment`: issuer, client id, secret and label come from PISTUDIO_OIDC_* and are read-only here. */
  source: 'environment' | 'settings' | null;
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  label: string;
  jit: boolean;
  allowedDomains: string[];
  groupsClaim: string;
  rules: SsoRule[];
  localPasswordSignIn: boolean;
  redirectUri: string;
  scopes: string;
};

export type SsoSettingsBody = Omit<SsoSettings, 'source' | 'clientSecretSet' | 'redirectUri' | 'scopes'> & {
  /** Omitted: keep the saved secret. */
  clientSecret?: string;
};

export type SsoTestResult =
  | {
      ok: true;
      provider: {
        issuer: string;
        authorizationEndpoint: string | null;
        tokenEndpoint: string | null;
        userinfoEndpoint: string | null;
        jwksUri: string | null;
        pkceS256: boolean;
        scopesSupported: string[];
        claimsSupported: string[];
      };
    }
  | { ok: false; error: string };

export const fetchSsoSettings = () => api.get<SsoSettings>('/admin/sso');
export const saveSsoSettings = (body: SsoSettingsBody) => api.put<SsoSettings>('/admin/sso', body);
export const testSsoConnection = (issuer?: string) =>
  api.post<SsoTestResult>('/admin/sso/test', issuer ? { issuer } : {});

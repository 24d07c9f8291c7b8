// How people can sign in here (public): password sign-in on or off, and the single sign-on button if any.
import type { LoginProviders } from '@pi-studio/core/contract/sign-in';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const fetchLoginProviders = () => api.get<LoginProviders>('/auth/providers');

export const providerKeys = { all: ['auth', 'providers'] as const };

export const useLoginProviders = () =>
  useQuery({ queryKey: providerKeys.all, queryFn: fetchLoginProviders, staleTime: 60_000 });

/** Where the SSO button points: the server redirects to the provider and back to `returnTo`. */
export function ssoStartUrl(returnTo: string): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.startsWith('/\\') ? returnTo : '/';
  // The login page itself is no place to come back to.
  const target = safe.startsWith('/login') ? '/' : safe;
  return `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(target)}`;
}

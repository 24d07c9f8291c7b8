import { useQuery } from '@tanstack/react-query';
import { fetchLoginProviders, fetchMe } from './api.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
  providers: ['auth', 'providers'] as const,
};

export const useMe = () => useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });

export const useLoginProviders = () =>
  useQuery({ queryKey: authKeys.providers, queryFn: fetchLoginProviders, staleTime: 60_000 });

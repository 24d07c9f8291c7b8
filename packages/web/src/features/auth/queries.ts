import { useQuery } from '@tanstack/react-query';
import { fetchMe } from './api.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export const useMe = () => useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });

import { useQuery } from '@tanstack/react-query';
import { fetchSignInSettings } from './api.ts';

export const signInKeys = {
  settings: () => ['admin', 'sign-in'] as const,
};

export const useSignInSettings = () => useQuery({ queryKey: signInKeys.settings(), queryFn: fetchSignInSettings });

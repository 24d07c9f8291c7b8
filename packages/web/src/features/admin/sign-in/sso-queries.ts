import { useQuery } from '@tanstack/react-query';
import { fetchSsoSettings } from './sso-api.ts';

export const ssoKeys = {
  settings: () => ['admin', 'sso'] as const,
};

export const useSsoSettings = () => useQuery({ queryKey: ssoKeys.settings(), queryFn: fetchSsoSettings });

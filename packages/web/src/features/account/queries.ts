import { useQuery } from '@tanstack/react-query';
import { fetchTokens } from './api.ts';

export const accountKeys = {
  tokens: () => ['account', 'tokens'] as const,
};

export const useTokens = () => useQuery({ queryKey: accountKeys.tokens(), queryFn: fetchTokens });

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeToken } from './api.ts';
import { accountKeys } from './queries.ts';

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

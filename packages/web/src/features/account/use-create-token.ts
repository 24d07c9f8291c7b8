import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createToken } from './api.ts';
import { accountKeys } from './queries.ts';

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/queries.ts';
import { regenerateRecoveryCodes } from './api.ts';

export function useRegenerateRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me }),
  });
}

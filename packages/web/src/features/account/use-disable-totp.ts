import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/queries.ts';
import { disableTotp } from './api.ts';

export function useDisableTotp() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: disableTotp, onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me }) });
}

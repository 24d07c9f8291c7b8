import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/queries.ts';
import { confirmTotp } from './api.ts';

export function useConfirmTotp() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: confirmTotp, onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me }) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { closeSession } from './api.ts';
import { uatKeys } from './queries.ts';

/** Closes a session: no more results are recorded in it. */
export function useCloseSession(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => closeSession(code, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.all(code) }),
  });
}

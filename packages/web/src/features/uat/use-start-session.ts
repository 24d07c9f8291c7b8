import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from './api.ts';
import { uatKeys } from './queries.ts';

/** Moves a planned session to running (testers may record results before; this says testing has begun). */
export function useStartSession(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => startSession(code, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.all(code) }),
  });
}

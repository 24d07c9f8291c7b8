import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSession, type UatSessionBody } from './api.ts';
import { uatKeys } from './queries.ts';

export function useCreateSession(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UatSessionBody) => createSession(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.sessions(code) }),
  });
}

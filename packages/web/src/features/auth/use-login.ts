import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from './api.ts';
import { authKeys } from './queries.ts';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Drop anything cached for a previous user before the shell renders again.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await qc.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}

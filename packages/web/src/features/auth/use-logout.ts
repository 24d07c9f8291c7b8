import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from './api.ts';
import { authKeys } from './queries.ts';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Set (not clear) the session query: the shell's observer stays attached to it and switches to the login
      // page; everything cached for this person is dropped so the next person cannot see it.
      qc.setQueryData(authKeys.me, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from './api.ts';
import { authKeys } from './queries.ts';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      qc.clear();
      qc.setQueryData(authKeys.me, null);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createUser } from './api.ts';
import { adminKeys } from './queries.ts';

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

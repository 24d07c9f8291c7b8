import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateUser } from './api.ts';
import { adminKeys } from './queries.ts';
import type { UpdateUserBody } from './types.ts';

/** Rename, grant/revoke admin, disable/enable: all are one PATCH. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) => updateUser(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

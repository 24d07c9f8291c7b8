import type { UserPatch } from '@pi-studio/core/contract/workspace';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateUser } from './api.ts';
import { adminKeys } from './queries.ts';

/** Rename, grant/revoke admin, disable/enable: all are one PATCH. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserPatch & { id: string }) => updateUser(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

import type { Membership } from '@pi-studio/core/contract/workspace';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setMemberships } from './api.ts';
import { adminKeys } from './queries.ts';

/** The server replaces the whole list, so callers send every membership the user should keep. */
export function useSetMemberships() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, memberships }: { userId: string; memberships: Membership[] }) =>
      setMemberships(userId, memberships),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

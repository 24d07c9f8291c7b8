import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeGuestLink } from './api.ts';
import { uatKeys } from './queries.ts';

/** Revokes a guest link: its next request answers 401, at once. */
export function useRevokeGuestLink(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeGuestLink(code, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.guestLinks(code, key) }),
  });
}

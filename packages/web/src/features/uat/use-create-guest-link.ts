import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createGuestLink } from './api.ts';
import { uatKeys } from './queries.ts';

/** Creates a guest link; the answer holds its secret, shown this once. */
export function useCreateGuestLink(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { guestName: string; expiresInDays: number }) => createGuestLink(code, key, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.guestLinks(code, key) }),
  });
}

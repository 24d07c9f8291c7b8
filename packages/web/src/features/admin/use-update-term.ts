import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateTerm } from './api.ts';
import { adminKeys } from './queries.ts';

/** Rename or archive/unarchive a taxonomy term. */
export function useUpdateTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; label?: string; archived?: boolean }) => updateTerm(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.taxonomy() }),
  });
}

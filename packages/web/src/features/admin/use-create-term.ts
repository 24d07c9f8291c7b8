import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTerm } from './api.ts';
import { adminKeys } from './queries.ts';

export function useCreateTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createTerm,
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.taxonomy() }),
  });
}

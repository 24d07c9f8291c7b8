import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveNaming } from './api.ts';
import { adminKeys } from './queries.ts';

/** Also drops cached id validations: they were judged against the old convention. */
export function useSaveNaming() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveNaming,
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.naming() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activateRubric } from './api.ts';
import { gateKeys } from './queries.ts';

export function useActivateRubric() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => activateRubric(id),
    // Only the list's `active` flags change; stored definitions stay valid.
    onSuccess: () => qc.invalidateQueries({ queryKey: gateKeys.rubrics, exact: true }),
  });
}

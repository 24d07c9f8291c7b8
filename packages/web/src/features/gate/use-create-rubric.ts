import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createRubric } from './api.ts';
import { gateKeys } from './queries.ts';

export function useCreateRubric() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => createRubric(definition),
    onSuccess: () => qc.invalidateQueries({ queryKey: gateKeys.rubrics, exact: true }),
  });
}

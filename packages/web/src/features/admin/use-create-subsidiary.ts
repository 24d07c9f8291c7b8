import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSubsidiary } from './api.ts';
import { adminKeys } from './queries.ts';

export function useCreateSubsidiary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createSubsidiary,
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.subsidiaries() }),
  });
}

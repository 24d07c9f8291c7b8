import { useMutation, useQueryClient } from '@tanstack/react-query';
import { syncRequirements } from './api.ts';
import { backlogKeys } from './queries.ts';

/** Reads the requirements of the PRD version that passed the gate; the stories' links and counts change with it. */
export function useSyncRequirements(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => syncRequirements(code),
    onSuccess: (synced) => {
      qc.setQueryData(backlogKeys.requirements(code), { baseline: synced.baseline, items: synced.items });
      return qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSprint } from './api.ts';
import { backlogKeys } from './queries.ts';

/** Starts a planned sprint: the server records the PRD baseline and the stories it commits to. */
export function useStartSprint(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => startSprint(code, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

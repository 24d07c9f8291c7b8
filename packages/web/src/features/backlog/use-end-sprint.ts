import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endSprint } from './api.ts';
import { backlogKeys } from './queries.ts';

export function useEndSprint(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => endSprint(code, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSprint } from './api.ts';
import { backlogKeys } from './queries.ts';

export function useCreateSprint(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createSprint(code, { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

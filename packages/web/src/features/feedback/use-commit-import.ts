import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commitImport } from './api.ts';
import { feedbackKeys } from './queries.ts';

/** Creates the selected messages of a previewed import, all in one transaction. */
export function useCommitImport(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, indices }: { id: string; indices: number[] }) => commitImport(code, id, indices),
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKeys.all(code) }),
  });
}

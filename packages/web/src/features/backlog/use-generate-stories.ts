import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateStories } from './api.ts';
import { backlogKeys } from './queries.ts';

/** Drafts a story for each requirement no story covers yet (or for the ones named). */
export function useGenerateStories(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (requirementIds?: string[]) => generateStories(code, requirementIds ? { requirementIds } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateCases } from './api.ts';
import { uatKeys } from './queries.ts';

/** Generates cases from the session's sprint's stories (or the keys given); re-generating duplicates nothing. */
export function useGenerateCases(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (storyKeys?: string[]) => generateCases(code, key, storyKeys?.length ? { storyKeys } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: uatKeys.all(code) }),
  });
}

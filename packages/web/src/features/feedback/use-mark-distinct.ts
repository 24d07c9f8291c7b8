import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markDistinct } from './api.ts';
import { feedbackKeys } from './queries.ts';

/** "Not a duplicate" for two items, shared with the team: the pairs are refetched so the suggestion goes. */
export function useMarkDistinct(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, of }: { key: string; of: string }) => markDistinct(code, key, of),
    onSettled: () => qc.invalidateQueries({ queryKey: feedbackKeys.distinct(code) }),
  });
}

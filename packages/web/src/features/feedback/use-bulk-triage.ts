import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bulkTriageFeedback } from './api.ts';
import { feedbackKeys } from './queries.ts';

export type BulkTriage = { action: 'decline'; reason: string } | { action: 'duplicate'; of: string };

/** Declines many items, or marks them duplicates of one: all or nothing (the server takes up to 500 keys). */
export function useBulkTriage(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ keys, change }: { keys: string[]; change: BulkTriage }) =>
      bulkTriageFeedback(code, { ...change, keys }),
    onSettled: () => qc.invalidateQueries({ queryKey: feedbackKeys.all(code) }),
  });
}

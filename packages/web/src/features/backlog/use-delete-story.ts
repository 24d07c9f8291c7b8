import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteStory } from './api.ts';
import { backlogKeys } from './queries.ts';

/** Deletes the revision the person looked at (409 `stale_version` when someone saved since). */
export function useDeleteStory(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, revision }: { key: string; revision: number }) => deleteStory(code, key, revision),
    // The deleted story's own query is left alone: refetching it would only answer 404 while its drawer closes.
    onSuccess: (_, { key }) => {
      const own = backlogKeys.story(code, key);
      return qc.invalidateQueries({
        queryKey: backlogKeys.all(code),
        predicate: (q) => !own.every((part, i) => q.queryKey[i] === part),
      });
    },
  });
}

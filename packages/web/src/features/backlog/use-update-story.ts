import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type StoryPatch, updateStory } from './api.ts';
import { backlogKeys } from './queries.ts';

/** Saves the changed fields against the revision the person edited (409 `stale_version` when someone saved since). */
export function useUpdateStory(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, patch, revision }: { key: string; patch: StoryPatch; revision: number }) =>
      updateStory(code, key, patch, revision),
    onSuccess: (story) => {
      qc.setQueryData(backlogKeys.story(code, story.key), story);
      return qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
    },
  });
}

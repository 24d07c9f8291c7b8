// A board card moved to another status: the single-story save with the revision the board showed (If-Match), so a
// story someone changed meanwhile is refused with 409 stale_version rather than overwritten.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Story, type StoryStatus, updateStory } from './api.ts';
import { backlogKeys } from './queries.ts';

export function useMoveStory(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ story, status }: { story: Story; status: StoryStatus }) =>
      updateStory(code, story.key, { status }, story.revision),
    onSuccess: (story) => qc.setQueryData(backlogKeys.story(code, story.key), story),
    // Refetch on failure too: a 409 means the board's copy is stale.
    onSettled: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

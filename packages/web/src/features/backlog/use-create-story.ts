import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createStory, type StoryInput } from './api.ts';
import { backlogKeys } from './queries.ts';

export function useCreateStory(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StoryInput) => createStory(code, body),
    onSuccess: (story) => {
      qc.setQueryData(backlogKeys.story(code, story.key), story);
      return qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
    },
  });
}

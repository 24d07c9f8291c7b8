import { useMutation, useQueryClient } from '@tanstack/react-query';
import { submitFeedback } from './api.ts';
import { feedbackKeys } from './queries.ts';

/** The in-app form; the answer carries the item and the open items it nearly repeats. */
export function useSubmitFeedback(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; author?: string }) => submitFeedback(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKeys.all(code) }),
  });
}

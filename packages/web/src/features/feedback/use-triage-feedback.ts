import { useMutation, useQueryClient } from '@tanstack/react-query';
import { backlogKeys } from '../backlog/queries.ts';
import { type FeedbackTriageBody, triageFeedback } from './api.ts';
import { feedbackKeys } from './queries.ts';

/** One item's decision. A story, bug or clarification question lands in the backlog, so both are refreshed. */
export function useTriageFeedback(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: FeedbackTriageBody }) => triageFeedback(code, key, body),
    // Refetch on failure too: a 409 means someone else decided the item meanwhile.
    onSettled: (_data, _err, { body }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: feedbackKeys.all(code) }),
        body.action === 'decline' || body.action === 'duplicate'
          ? undefined
          : qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
      ]),
  });
}

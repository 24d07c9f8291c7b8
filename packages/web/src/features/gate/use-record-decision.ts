import { type DecisionBody, recordDecision } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useRecordDecision = (reviewId: string) =>
  useReviewMutation(reviewId, (id, body: DecisionBody) => recordDecision(id, body));

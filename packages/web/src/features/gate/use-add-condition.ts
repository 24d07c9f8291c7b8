import { addCondition, type ConditionBody } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useAddCondition = (reviewId: string) =>
  useReviewMutation(reviewId, (id, body: ConditionBody) => addCondition(id, body));

import { type OverrideBody, overrideCriterion } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useOverrideCriterion = (reviewId: string) =>
  useReviewMutation(reviewId, (id, body: OverrideBody) => overrideCriterion(id, body));

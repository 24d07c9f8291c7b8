import { removeWaiver } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useRemoveWaiver = (reviewId: string) =>
  useReviewMutation(reviewId, (id, findingId: string) => removeWaiver(id, findingId));

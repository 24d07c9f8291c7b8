import { removeOverride } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useRemoveOverride = (reviewId: string) =>
  useReviewMutation(reviewId, (id, criterion: string) => removeOverride(id, criterion));

import { type WaiverBody, waiveFinding } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useWaiveFinding = (reviewId: string) =>
  useReviewMutation(reviewId, (id, body: WaiverBody) => waiveFinding(id, body));

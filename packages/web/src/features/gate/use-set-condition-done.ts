import { setConditionDone } from './api.ts';
import { useReviewMutation } from './use-review-mutation.ts';

export const useSetConditionDone = (reviewId: string) =>
  useReviewMutation(reviewId, (id, vars: { conditionId: string; done: boolean }) =>
    setConditionDone(id, vars.conditionId, vars.done),
  );

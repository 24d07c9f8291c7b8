// Every reviewer action answers with the whole updated review: put it in the cache, then refresh the lists
// (queue, metrics) and the product, whose stage a decision moves.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { documentKeys } from '../documents/queries.ts';
import { productKeys } from '../products/queries.ts';
import type { GateReview } from './api.ts';
import { gateKeys } from './queries.ts';

export function storeReview(qc: QueryClient, review: GateReview) {
  qc.setQueryData(gateKeys.review(review.id), review);
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['gate', 'queue'] }),
    qc.invalidateQueries({ queryKey: ['gate', 'reviews'] }),
    qc.invalidateQueries({ queryKey: ['gate', 'metrics'] }),
    qc.invalidateQueries({ queryKey: productKeys.all }),
    qc.invalidateQueries({ queryKey: documentKeys.detail(review.document.id) }),
  ]);
}

/** A mutation on one review whose response is the updated review. */
export function useReviewMutation<V>(reviewId: string, send: (reviewId: string, vars: V) => Promise<GateReview>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => send(reviewId, vars),
    onSuccess: (review) => storeReview(qc, review),
  });
}

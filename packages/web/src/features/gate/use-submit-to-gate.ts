import { useMutation, useQueryClient } from '@tanstack/react-query';
import { submitToGate } from './api.ts';
import { storeReview } from './use-review-mutation.ts';

export function useSubmitToGate(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version?: string) => submitToGate(documentId, version),
    onSuccess: (review) => storeReview(qc, review),
  });
}

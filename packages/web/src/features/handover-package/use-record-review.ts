import { useMutation, useQueryClient } from '@tanstack/react-query';
import { productKeys } from '../products/queries.ts';
import { type ReviewCreate, recordReview } from './api.ts';
import { packageKeys } from './queries.ts';

/**
 * Records IT's decision at the readiness review. An acceptance moves the product to Live, so the product and the
 * portfolio are read again too.
 */
export function useRecordReview(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewCreate) => recordReview(code, body),
    onSuccess: (pkg) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      void qc.invalidateQueries({ queryKey: packageKeys.all(code) });
      void qc.invalidateQueries({ queryKey: packageKeys.checkpoint });
      void qc.invalidateQueries({ queryKey: productKeys.all });
    },
  });
}

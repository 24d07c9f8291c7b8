import type { StageBody } from '@pi-studio/core/contract/products';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forceStage } from './api.ts';
import { productKeys } from './queries.ts';

/** An administrator's forced stage move; the board and the product page refetch either way (a 409 means stale). */
export function useForceStage(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: StageBody; etag?: string | null }) => forceStage(code, body, etag),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: productKeys.detail(code) }),
        qc.invalidateQueries({ queryKey: productKeys.lists() }),
      ]),
  });
}

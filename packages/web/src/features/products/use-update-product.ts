import type { ProductPatch } from '@pi-studio/core/contract/products';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateProduct } from './api.ts';
import { productKeys } from './queries.ts';

export function useUpdateProduct(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ProductPatch; etag?: string | null }) => updateProduct(code, body, etag),
    // Refetch on failure too: a 409/412 means our copy is stale.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: productKeys.detail(code) }),
        qc.invalidateQueries({ queryKey: productKeys.lists() }),
      ]),
  });
}

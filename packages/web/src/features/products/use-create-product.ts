import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workspaceKeys } from '../workspace/queries.ts';
import { createProduct } from './api.ts';
import { productKeys } from './queries.ts';

export function useCreateProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: productKeys.lists() }),
        qc.invalidateQueries({ queryKey: workspaceKeys.subsidiaries }),
      ]),
  });
}

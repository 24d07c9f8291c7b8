import { useMutation, useQueryClient } from '@tanstack/react-query';
import { productKeys } from '../products/queries.ts';
import { type CreateDocumentBody, createDocument } from './api.ts';

export function useCreateDocument(productCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocumentBody) => createDocument(productCode, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.detail(productCode) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { productKeys } from '../products/queries.ts';
import { type DocumentKind, importDocument } from './api.ts';

export function useImportDocument(productCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: DocumentKind }) => importDocument(productCode, file, kind),
    onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.detail(productCode) }),
  });
}

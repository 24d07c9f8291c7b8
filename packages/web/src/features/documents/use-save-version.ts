import { useMutation, useQueryClient } from '@tanstack/react-query';
import { productKeys } from '../products/queries.ts';
import { searchKeys } from '../search/queries.ts';
import { type SaveVersionBody, saveVersion } from './api.ts';
import { documentKeys } from './queries.ts';

export function useSaveVersion(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: SaveVersionBody; etag: string }) => saveVersion(documentId, body, etag),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: documentKeys.detail(documentId) }),
        qc.invalidateQueries({ queryKey: documentKeys.versions(documentId) }),
        qc.invalidateQueries({ queryKey: productKeys.all }),
        qc.invalidateQueries({ queryKey: searchKeys.all }),
      ]),
  });
}

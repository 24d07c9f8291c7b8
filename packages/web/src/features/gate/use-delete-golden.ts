import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteGolden } from './api.ts';
import { gateKeys } from './queries.ts';

export function useDeleteGolden() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteGolden(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: gateKeys.golden }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type MarkGoldenBody, markGolden } from './api.ts';
import { gateKeys } from './queries.ts';

export function useMarkGolden() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkGoldenBody) => markGolden(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: gateKeys.golden }),
  });
}

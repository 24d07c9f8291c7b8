import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setGateFourEyes } from './api.ts';
import { adminKeys } from './queries.ts';

export function useSetGateFourEyes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, on }: { code: string; on: boolean }) => setGateFourEyes(code, on),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.subsidiaries() }),
  });
}

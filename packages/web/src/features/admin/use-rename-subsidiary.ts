import { useMutation, useQueryClient } from '@tanstack/react-query';
import { renameSubsidiary } from './api.ts';
import { adminKeys } from './queries.ts';

export function useRenameSubsidiary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) => renameSubsidiary(code, name),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.subsidiaries() }),
  });
}

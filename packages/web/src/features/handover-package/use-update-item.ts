import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ItemUpdate, updateItem } from './api.ts';
import { packageKeys } from './queries.ts';

type Vars = { itemId: string; body: ItemUpdate; revision: number };

/**
 * Changes one checklist item, guarded by the revision the editor read (409 `stale_version` when someone changed it
 * meanwhile). The answer is the whole package, so the readiness score and the blockers move at once.
 */
export function useUpdateItem(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body, revision }: Vars) => updateItem(code, itemId, body, revision),
    onSuccess: (pkg, vars) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      void qc.invalidateQueries({ queryKey: packageKeys.agenda(code) });
      void qc.invalidateQueries({ queryKey: packageKeys.checkpoint });
      void qc.invalidateQueries({ queryKey: packageKeys.itemHistory(code, vars.itemId) });
    },
  });
}

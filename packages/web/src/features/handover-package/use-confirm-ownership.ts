import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmOwnership, type OwnershipConfirm } from './api.ts';
import { packageKeys } from './queries.ts';

/** The IT owner confirms who runs and supports the product after acceptance (409 `not_accepted` before it). */
export function useConfirmOwnership(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnershipConfirm) => confirmOwnership(code, body),
    onSuccess: (pkg) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      // The agenda lists the package's state; the export is read fresh on each download.
      void qc.invalidateQueries({ queryKey: packageKeys.agenda(code) });
    },
  });
}

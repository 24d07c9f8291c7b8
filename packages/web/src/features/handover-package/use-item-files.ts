import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteItemFile, uploadItemFile } from './api.ts';
import { packageKeys } from './queries.ts';

/**
 * Adds or removes an evidence file on a checklist item. A file counts as evidence, so the package (its readiness)
 * and the item's history are read again; a removal answers the whole package.
 */
export function useItemFiles(code: string, itemId: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: packageKeys.itemHistory(code, itemId) });
    void qc.invalidateQueries({ queryKey: packageKeys.agenda(code) });
    void qc.invalidateQueries({ queryKey: packageKeys.checkpoint });
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadItemFile(code, itemId, file),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: packageKeys.package(code) });
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => deleteItemFile(code, itemId, fileId),
    onSuccess: (pkg) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      refresh();
    },
  });
  return { upload, remove };
}

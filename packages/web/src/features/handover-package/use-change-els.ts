import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ElsUpdate, updateEls } from './api.ts';
import { packageKeys } from './queries.ts';

/** Changes the early-life-support window of the accepted package; the answer is the whole package. */
export function useChangeEls(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ElsUpdate) => updateEls(code, body),
    onSuccess: (pkg) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      void qc.invalidateQueries({ queryKey: packageKeys.gaps(code) });
    },
  });
}

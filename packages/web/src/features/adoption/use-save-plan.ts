import { useMutation, useQueryClient } from '@tanstack/react-query';
import { savePlan, type TrackingPlanBody } from './api.ts';
import { adoptionKeys } from './queries.ts';

/** Saves the whole plan as its next version (409 `stale_version` when someone else saved first). */
export function useSavePlan(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: TrackingPlanBody; version: number }) => savePlan(code, body, version),
    onSuccess: (saved) => {
      qc.setQueryData(adoptionKeys.plan(code), saved);
      void qc.invalidateQueries({ queryKey: adoptionKeys.versions(code) });
      void qc.invalidateQueries({ queryKey: adoptionKeys.prdCheck(code) });
    },
  });
}

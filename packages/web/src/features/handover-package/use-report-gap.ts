import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type GapReport, reportGap } from './api.ts';
import { packageKeys } from './queries.ts';

/** Logs a gap IT found after handover (409 `not_live` before the product is live). */
export function useReportGap(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GapReport) => reportGap(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: packageKeys.gaps(code) }),
  });
}

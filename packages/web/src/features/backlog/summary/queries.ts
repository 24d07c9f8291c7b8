import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { productKeys } from '../../products/queries.ts';
import { backlogKeys } from '../queries.ts';
import { fetchBacklogSummary, moveToUat } from './api.ts';

export const useBacklogSummary = (code: string) =>
  useQuery({ queryKey: backlogKeys.summary(code), queryFn: () => fetchBacklogSummary(code) });

export function useMoveToUat(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => moveToUat(code),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: productKeys.all });
      void qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
    },
  });
}

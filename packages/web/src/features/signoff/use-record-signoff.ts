import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recordSignoff, type SignoffBody } from './api.ts';
import { signoffKeys } from './queries.ts';

/** Records a sign-off: a new link in the product's chain, which cannot be edited or removed afterwards. */
export function useRecordSignoff(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignoffBody) => recordSignoff(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: signoffKeys.all(code) }),
  });
}

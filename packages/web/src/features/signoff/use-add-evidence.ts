import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addEvidence } from './api.ts';
import { signoffKeys } from './queries.ts';

/** Attaches an evidence file to a sign-off (not part of the signed record: it keeps its own time and hash). */
export function useAddEvidence(code: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name }: { file: Blob; name: string }) => addEvidence(code, key, file, name),
    onSuccess: () => qc.invalidateQueries({ queryKey: signoffKeys.all(code) }),
  });
}

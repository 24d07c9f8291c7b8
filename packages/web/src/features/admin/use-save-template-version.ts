import type { Bump } from '@pi-studio/core/contract/documents';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveTemplateVersion } from './api.ts';
import { adminKeys } from './queries.ts';

export function useSaveTemplateVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, bump, basedOn }: { id: string; body: string; bump: Bump; basedOn: string }) =>
      saveTemplateVersion(id, { body, bump }, basedOn),
    // The response is the updated template: show it at once, then refresh the list's version column.
    onSuccess: (saved) => {
      qc.setQueryData(adminKeys.template(saved.id), saved);
      return qc.invalidateQueries({ queryKey: adminKeys.templateList() });
    },
  });
}

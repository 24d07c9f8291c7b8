import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChecklistTemplateBody, createTemplate } from './api.ts';
import { templateKeys } from './queries.ts';

/** Publishes a new template version; new packages take it, existing ones keep theirs. */
export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChecklistTemplateBody) => createTemplate(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: templateKeys.list, exact: true }),
  });
}

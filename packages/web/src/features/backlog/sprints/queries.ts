// Under the sprints' keys: asking or answering changes the sprint's metrics, so the sprint list is refreshed too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { backlogKeys } from '../queries.ts';
import { answerClarification, askClarification, fetchClarifications } from './api.ts';

const clarificationKeys = (code: string, sprintId: string) =>
  [...backlogKeys.sprints(code), sprintId, 'clarifications'] as const;

export const useClarifications = (code: string, sprintId: string, enabled: boolean) =>
  useQuery({
    queryKey: clarificationKeys(code, sprintId),
    queryFn: () => fetchClarifications(code, sprintId),
    enabled,
  });

export function useAskClarification(code: string, sprintId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (question: string) => askClarification(code, sprintId, question),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.sprints(code) }),
  });
}

export function useAnswerClarification(code: string, sprintId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => answerClarification(code, sprintId, id, answer),
    onSettled: () => qc.invalidateQueries({ queryKey: backlogKeys.sprints(code) }),
  });
}

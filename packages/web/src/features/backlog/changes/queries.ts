// Change requests live under the backlog's keys: a decision changes drift, links and the PRD, so the whole backlog
// (and the product, whose PRD got a version) is refreshed after one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKeys } from '../../documents/queries.ts';
import { productKeys } from '../../products/queries.ts';
import { backlogKeys } from '../queries.ts';
import {
  type ChangeRequestDecision,
  type ChangeRequestInput,
  decideChangeRequest,
  fetchChangeRequests,
  raiseChangeRequest,
} from './api.ts';

const changeKeys = { list: (code: string) => [...backlogKeys.all(code), 'change-requests'] as const };

export const useChangeRequests = (code: string) =>
  useQuery({ queryKey: changeKeys.list(code), queryFn: () => fetchChangeRequests(code) });

export function useRaiseChange(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeRequestInput) => raiseChangeRequest(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: backlogKeys.all(code) }),
  });
}

export function useDecideChange(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: ChangeRequestDecision }) => decideChangeRequest(code, key, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
      void qc.invalidateQueries({ queryKey: productKeys.all });
      void qc.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
}

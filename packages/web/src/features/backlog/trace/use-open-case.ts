// Opens a matrix test case in its UAT session's runner. The matrix does not carry the session key (a case belongs to
// one session, the matrix lists cases by requirement), so the click asks for the case first, then navigates.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { notifyError } from '../../../lib/notify.ts';
import { fetchCaseSessionKey } from './api.ts';
import { traceKeys } from './queries.ts';

export function useOpenCase(code: string): (caseKey: string) => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  return (caseKey) => {
    client
      .fetchQuery({
        queryKey: traceKeys.caseSession(code, caseKey),
        queryFn: () => fetchCaseSessionKey(code, caseKey),
        staleTime: Number.POSITIVE_INFINITY, // a case never moves to another session
      })
      .then((key) => navigate({ to: '/products/$code/uat/$key', params: { code, key }, search: { case: caseKey } }))
      .catch((err: unknown) => notifyError(err, `Could not open ${caseKey}`));
  };
}

import { useQueryClient } from '@tanstack/react-query';
import { authKeys } from './queries.ts';

/** After a session started: drop anything cached for a previous user, then let the shell render the app. */
export function useEnterApp() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    await qc.invalidateQueries({ queryKey: authKeys.me });
  };
}

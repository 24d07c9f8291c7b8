import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../../auth/queries.ts';
import { saveSignInSettings } from './api.ts';
import { signInKeys } from './queries.ts';

export function useSaveSignInSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveSignInSettings,
    onSuccess: async (saved) => {
      qc.setQueryData(signInKeys.settings(), saved);
      // "Required for you" on the account page follows the policy.
      await qc.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}

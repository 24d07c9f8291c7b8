import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../../auth/queries.ts';
import { signInKeys } from './queries.ts';
import { saveSsoSettings } from './sso-api.ts';
import { ssoKeys } from './sso-queries.ts';

export function useSaveSsoSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveSsoSettings,
    onSuccess: async (saved) => {
      qc.setQueryData(ssoKeys.settings(), saved);
      // The two-step card saves the whole sign-in policy, password switch included: it must see this change.
      await qc.invalidateQueries({ queryKey: signInKeys.settings() });
      await qc.invalidateQueries({ queryKey: authKeys.providers });
    },
  });
}

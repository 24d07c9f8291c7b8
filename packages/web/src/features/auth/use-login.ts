import { useMutation } from '@tanstack/react-query';
import { isSignInStep, login } from './api.ts';
import { useEnterApp } from './use-enter-app.ts';

export function useLogin() {
  const enter = useEnterApp();
  return useMutation({
    mutationFn: login,
    // A second step owed: the login page moves on to it; nothing to refresh yet.
    onSuccess: async (res) => (isSignInStep(res) ? undefined : enter()),
  });
}

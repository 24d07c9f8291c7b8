import { useMutation } from '@tanstack/react-query';
import { loginWithCode } from './api.ts';
import { useEnterApp } from './use-enter-app.ts';

export function useLoginWithCode() {
  const enter = useEnterApp();
  return useMutation({ mutationFn: loginWithCode, onSuccess: () => enter() });
}

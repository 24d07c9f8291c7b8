import { useMutation } from '@tanstack/react-query';
import { resetUserTotp } from './api.ts';

export const useResetUserTotp = () => useMutation({ mutationFn: resetUserTotp });

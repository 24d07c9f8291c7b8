import { useMutation } from '@tanstack/react-query';
import { changePassword } from './api.ts';

export const useChangePassword = () => useMutation({ mutationFn: changePassword });

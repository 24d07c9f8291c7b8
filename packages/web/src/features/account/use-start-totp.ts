import { useMutation } from '@tanstack/react-query';
import { startTotp } from './api.ts';

export const useStartTotp = () => useMutation({ mutationFn: startTotp });

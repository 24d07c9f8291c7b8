import { useMutation } from '@tanstack/react-query';
import { startLoginEnrolment } from './api.ts';

export const useStartLoginEnrolment = () => useMutation({ mutationFn: startLoginEnrolment });

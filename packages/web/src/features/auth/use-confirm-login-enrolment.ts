import { useMutation } from '@tanstack/react-query';
import { confirmLoginEnrolment } from './api.ts';

/** The session starts here, but the app opens only after the person has saved the recovery codes (useEnterApp). */
export const useConfirmLoginEnrolment = () => useMutation({ mutationFn: confirmLoginEnrolment });

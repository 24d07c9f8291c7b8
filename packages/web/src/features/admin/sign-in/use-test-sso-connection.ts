import { useMutation } from '@tanstack/react-query';
import { testSsoConnection } from './sso-api.ts';

/** Discovery against an issuer; nothing is saved, so nothing to invalidate. */
export const useTestSsoConnection = () => useMutation({ mutationFn: testSsoConnection });

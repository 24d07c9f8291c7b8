// Query keys start with 'signoff' and the product code: recording a sign-off or evidence refreshes the list and the
// verification together.
import { useQuery } from '@tanstack/react-query';
import { fetchSignoffs, verifySignoffs } from './api.ts';

export const signoffKeys = {
  all: (code: string) => ['signoff', code] as const,
  list: (code: string) => ['signoff', code, 'list'] as const,
  verify: (code: string) => ['signoff', code, 'verify'] as const,
};

export const useSignoffs = (code: string) =>
  useQuery({ queryKey: signoffKeys.list(code), queryFn: () => fetchSignoffs(code) });

export const useVerifySignoffs = (code: string) =>
  useQuery({ queryKey: signoffKeys.verify(code), queryFn: () => verifySignoffs(code) });

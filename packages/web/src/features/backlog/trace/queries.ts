// Under the backlog's keys, so whatever changes the backlog (a story, a sync, a decision) refreshes these too.
import { useQuery } from '@tanstack/react-query';
import { backlogKeys } from '../queries.ts';
import { fetchDrift, fetchMatrix } from './api.ts';

export const traceKeys = {
  matrix: (code: string) => [...backlogKeys.all(code), 'trace', 'matrix'] as const,
  drift: (code: string) => [...backlogKeys.all(code), 'trace', 'drift'] as const,
  caseSession: (code: string, caseKey: string) => [...backlogKeys.all(code), 'trace', 'case', caseKey] as const,
};

export const useMatrix = (code: string) =>
  useQuery({ queryKey: traceKeys.matrix(code), queryFn: () => fetchMatrix(code) });

export const useDrift = (code: string) =>
  useQuery({ queryKey: traceKeys.drift(code), queryFn: () => fetchDrift(code) });

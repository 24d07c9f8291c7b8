// Query keys start with 'adoption' and the product code: a save refreshes the plan, its versions and the PRD check.
import { useQuery } from '@tanstack/react-query';
import { fetchPlan, fetchPrdCheck, fetchVersions } from './api.ts';

export const adoptionKeys = {
  all: (code: string) => ['adoption', code] as const,
  plan: (code: string) => ['adoption', code, 'plan'] as const,
  versions: (code: string) => ['adoption', code, 'versions'] as const,
  prdCheck: (code: string) => ['adoption', code, 'prd-check'] as const,
};

export const usePlan = (code: string) =>
  useQuery({ queryKey: adoptionKeys.plan(code), queryFn: () => fetchPlan(code) });
export const useVersions = (code: string) =>
  useQuery({ queryKey: adoptionKeys.versions(code), queryFn: () => fetchVersions(code) });
export const usePrdCheck = (code: string) =>
  useQuery({ queryKey: adoptionKeys.prdCheck(code), queryFn: () => fetchPrdCheck(code) });

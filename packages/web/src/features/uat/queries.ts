// Query keys start with 'uat' and the product code, so one invalidation refreshes every list of a product's UAT; a
// guest's start with 'uat-guest' and the token (a guest page never shares answers with a member's).
import { useQuery } from '@tanstack/react-query';
import {
  fetchCases,
  fetchDefects,
  fetchGuestLinks,
  fetchGuestView,
  fetchSession,
  fetchSessions,
  type RunnerTarget,
} from './api.ts';

export const uatKeys = {
  all: (code: string) => ['uat', code] as const,
  sessions: (code: string) => ['uat', code, 'sessions'] as const,
  session: (code: string, key: string) => ['uat', code, 'session', key] as const,
  cases: (code: string, key: string) => ['uat', code, 'session', key, 'cases'] as const,
  defects: (code: string, key: string) => ['uat', code, 'session', key, 'defects'] as const,
  guestLinks: (code: string, key: string) => ['uat', code, 'session', key, 'guest-links'] as const,
  /** Everything a runner target read (a member's product or a guest's link). */
  target: (target: RunnerTarget) => ['uat-runner', ...target.id] as const,
  caseDetail: (target: RunnerTarget, caseKey: string) => ['uat-runner', ...target.id, 'case', caseKey] as const,
  guestView: (token: string) => ['uat-guest', token] as const,
};

export const useUatSessions = (code: string) =>
  useQuery({ queryKey: uatKeys.sessions(code), queryFn: () => fetchSessions(code) });

export const useUatSession = (code: string, key: string) =>
  useQuery({ queryKey: uatKeys.session(code, key), queryFn: () => fetchSession(code, key) });

export const useUatCases = (code: string, key: string, enabled = true) =>
  useQuery({ queryKey: uatKeys.cases(code, key), queryFn: () => fetchCases(code, key), enabled });

export const useUatDefects = (code: string, key: string) =>
  useQuery({ queryKey: uatKeys.defects(code, key), queryFn: () => fetchDefects(code, key) });

export const useGuestLinks = (code: string, key: string, enabled: boolean) =>
  useQuery({ queryKey: uatKeys.guestLinks(code, key), queryFn: () => fetchGuestLinks(code, key), enabled });

export const useCaseDetail = (target: RunnerTarget, caseKey: string) =>
  useQuery({ queryKey: uatKeys.caseDetail(target, caseKey), queryFn: () => target.caseDetail(caseKey) });

/** A guest's page; a 401 (expired or revoked link) is final, so it is not retried. */
export const useGuestView = (token: string) =>
  useQuery({ queryKey: uatKeys.guestView(token), queryFn: () => fetchGuestView(token), retry: false });

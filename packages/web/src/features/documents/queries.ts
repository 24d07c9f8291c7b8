import { useQuery } from '@tanstack/react-query';
import { fetchDiff, fetchDocument, fetchTemplates, fetchVersion, fetchVersions } from './api.ts';

export const documentKeys = {
  all: ['documents'] as const,
  detail: (id: string) => [...documentKeys.all, id] as const,
  versions: (id: string) => [...documentKeys.all, id, 'versions'] as const,
  version: (id: string, version: string) => [...documentKeys.all, id, 'versions', version] as const,
  diff: (id: string, from: string, to: string) => [...documentKeys.all, id, 'diff', from, to] as const,
  templates: (kind: string) => ['templates', kind] as const,
};

export const useDocument = (id: string, enabled = true) =>
  useQuery({ queryKey: documentKeys.detail(id), queryFn: () => fetchDocument(id), enabled });

export const useVersions = (id: string, enabled = true) =>
  useQuery({ queryKey: documentKeys.versions(id), queryFn: () => fetchVersions(id), enabled });

/** Versions are immutable, so a fetched body never goes stale. */
export const useVersion = (id: string, version: string | undefined) =>
  useQuery({
    queryKey: documentKeys.version(id, version ?? ''),
    queryFn: () => fetchVersion(id, version ?? ''),
    enabled: Boolean(version),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useDiff = (id: string, from: string | undefined, to: string | undefined) =>
  useQuery({
    queryKey: documentKeys.diff(id, from ?? '', to ?? ''),
    queryFn: () => fetchDiff(id, from ?? '', to ?? ''),
    enabled: Boolean(from && to),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useTemplates = (kind: string) =>
  useQuery({ queryKey: documentKeys.templates(kind), queryFn: () => fetchTemplates(kind), staleTime: 60_000 });

// Query keys start with 'handover' and the product code: an upload refreshes the overview and that kind's versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchPacks, fetchPackVersion, type PackKind, type UploadProgress, uploadPack } from './api.ts';

export const handoverKeys = {
  all: (code: string) => ['handover', code] as const,
  packs: (code: string) => ['handover', code, 'packs'] as const,
  version: (code: string, kind: PackKind, version: number) => ['handover', code, 'packs', kind, version] as const,
};

export const usePacks = (code: string) =>
  useQuery({ queryKey: handoverKeys.packs(code), queryFn: () => fetchPacks(code) });

export const usePackVersion = (code: string, kind: PackKind, version: number | null) =>
  useQuery({
    queryKey: handoverKeys.version(code, kind, version ?? 0),
    queryFn: () => fetchPackVersion(code, kind, version ?? 0),
    enabled: version !== null,
  });

export function useUploadPack(code: string, onProgress: (p: UploadProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, mediaType }: { kind: PackKind; file: File; mediaType: string }) =>
      uploadPack(code, kind, file, mediaType, onProgress),
    onSuccess: () => qc.invalidateQueries({ queryKey: handoverKeys.all(code) }),
  });
}

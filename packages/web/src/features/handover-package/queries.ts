// Query keys start with 'handover-package' and the product code: a change to an item, an artifact or a review refreshes
// the package (its readiness moves with every change) and the agenda built from it. The checkpoint spans products.
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/errors.ts';
import {
  type ArtifactKind,
  fetchAgenda,
  fetchArtifactDraft,
  fetchArtifactHistory,
  fetchArtifactVersion,
  fetchCheckpoint,
  fetchGaps,
  fetchItemHistory,
  fetchPackage,
} from './api.ts';

export const packageKeys = {
  all: (code: string) => ['handover-package', code] as const,
  package: (code: string) => ['handover-package', code, 'package'] as const,
  agenda: (code: string) => ['handover-package', code, 'agenda'] as const,
  artifacts: (code: string, kind: ArtifactKind) => ['handover-package', code, 'artifacts', kind] as const,
  draft: (code: string, kind: ArtifactKind) => ['handover-package', code, 'artifacts', kind, 'draft'] as const,
  history: (code: string, kind: ArtifactKind) => ['handover-package', code, 'artifacts', kind, 'history'] as const,
  version: (code: string, kind: ArtifactKind, version: number) =>
    ['handover-package', code, 'artifacts', kind, 'version', version] as const,
  gaps: (code: string) => ['handover-package', code, 'gaps'] as const,
  itemHistory: (code: string, itemId: string) => ['handover-package', code, 'items', itemId, 'history'] as const,
  checkpoint: ['handover-checkpoint'] as const,
};

/** A product without a package answers 404 `no_handover_package`: the page offers to create one, so no retry. */
export const isNoPackage = (err: unknown) => isApiError(err, 404) && err.code === 'no_handover_package';

export const usePackage = (code: string) =>
  useQuery({
    queryKey: packageKeys.package(code),
    queryFn: () => fetchPackage(code),
    retry: (count, err) => !isNoPackage(err) && !isApiError(err, 404) && count < 2,
  });

export const useAgenda = (code: string, enabled = true) =>
  useQuery({ queryKey: packageKeys.agenda(code), queryFn: () => fetchAgenda(code), enabled });

export const useArtifactHistory = (code: string, kind: ArtifactKind) =>
  useQuery({ queryKey: packageKeys.history(code, kind), queryFn: () => fetchArtifactHistory(code, kind) });

/** A stored version never changes, so it is read once. */
export const useArtifactVersion = (code: string, kind: ArtifactKind, version: number | null) =>
  useQuery({
    queryKey: packageKeys.version(code, kind, version ?? 0),
    queryFn: () => fetchArtifactVersion(code, kind, version ?? 0),
    enabled: version !== null && version > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The template, or for release notes the draft from the done stories and bugs: read when the person asks for it. */
export const useArtifactDraft = (code: string, kind: ArtifactKind) =>
  useQuery({ queryKey: packageKeys.draft(code, kind), queryFn: () => fetchArtifactDraft(code, kind), enabled: false });

export const useGaps = (code: string, enabled = true) =>
  useQuery({ queryKey: packageKeys.gaps(code), queryFn: () => fetchGaps(code), enabled });

export const useCheckpoint = () => useQuery({ queryKey: packageKeys.checkpoint, queryFn: fetchCheckpoint });

/** An item's changes from the audit trail, newest first: read while its history panel is open. */
export const useItemHistory = (code: string, itemId: string | null) =>
  useQuery({
    queryKey: packageKeys.itemHistory(code, itemId ?? ''),
    queryFn: () => fetchItemHistory(code, itemId ?? ''),
    enabled: itemId !== null,
  });

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ArtifactKind, type ArtifactSave, saveArtifact } from './api.ts';
import { isStaleVersion } from './format.ts';
import { packageKeys } from './queries.ts';

/** Saves an artifact's text as its next version (409 `stale_version` when another save came first). */
export function useSaveArtifact(code: string, kind: ArtifactKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ArtifactSave) => saveArtifact(code, kind, body),
    onSuccess: (saved) => {
      qc.setQueryData(packageKeys.version(code, kind, saved.version), saved);
      // The package lists each artifact's newest version, and evidence may point at it.
      void qc.invalidateQueries({ queryKey: packageKeys.all(code) });
      void qc.invalidateQueries({ queryKey: packageKeys.checkpoint });
    },
    // Someone saved first: read the package again, so the editor can name their version.
    onError: (err) => {
      if (isStaleVersion(err)) void qc.invalidateQueries({ queryKey: packageKeys.all(code) });
    },
  });
}

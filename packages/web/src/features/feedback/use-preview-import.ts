// Uploads a chat export for its preview, with the upload's progress and a way to cancel it.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { type ImportSource, previewImport, type UploadProgress } from './api.ts';
import { exportContentType } from './import-view.ts';

export function usePreviewImport(code: string) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: ({ file, source }: { file: File; source: ImportSource }) => {
      abort.current = new AbortController();
      setProgress({ phase: 'uploading', loaded: 0, total: file.size });
      return previewImport(code, file, exportContentType(file.name), source, setProgress, abort.current.signal);
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress, cancel: () => abort.current?.abort() };
}

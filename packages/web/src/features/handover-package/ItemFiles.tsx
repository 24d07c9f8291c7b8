// An item's evidence files: each downloadable (name, kind, size, who added it and when), removable while the package
// is open (after asking), and a file picker that names a wrong type, an empty or too large file before sending; the
// server's refusal (it reads the type from the bytes) is shown the same way.
import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { type EvidenceFile, itemFileUrl } from './api.ts';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_KINDS_LINE,
  evidenceFileProblem,
  fileTypeLabel,
  formatBytes,
} from './evidence-files.ts';
import { useItemFiles } from './use-item-files.ts';

type Props = { code: string; itemId: string; files: EvidenceFile[]; canEdit: boolean };

export function ItemFiles({ code, itemId, files, canEdit }: Props) {
  const { upload, remove } = useItemFiles(code, itemId);
  const [problem, setProblem] = useState<string | null>(null);
  // The picker keeps its last file; cleared after each pick so the same file can be picked again after a fix.
  const resetRef = useRef<() => void>(null);

  const pick = (file: File | null) => {
    if (!file) return;
    resetRef.current?.();
    upload.reset();
    const local = evidenceFileProblem(file, files.length);
    setProblem(local);
    if (local) return;
    upload.mutate(file, { onSuccess: (saved) => notifySuccess(`${itemId}: ${saved.fileName} added as evidence`) });
  };
  const onRemove = async (file: EvidenceFile) => {
    const ok = await confirmAction({
      title: `Remove ${file.fileName}?`,
      message: `It no longer counts as evidence for ${itemId}; the readiness may drop. The removal is kept in the item's history.`,
      confirmLabel: 'Remove file',
      danger: true,
    });
    if (ok) remove.mutate(file.id, { onError: (err) => notifyError(err, 'Not removed') });
  };
  const error = problem ?? (upload.error ? errorMessage(upload.error) : null);

  if (files.length === 0 && !canEdit) return null;
  return (
    <Stack gap={4} data-testid="item-files">
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap" style={{ minWidth: 0 }} data-testid="item-file" data-file={f.fileName}>
          <Anchor
            href={itemFileUrl(code, itemId, f.id)}
            download
            size="xs"
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
          >
            {f.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {fileTypeLabel(f.mediaType)} · {formatBytes(f.size)}
          </Text>
          <Text size="xs" c="dimmed" visibleFrom="sm" style={{ flexShrink: 0 }}>
            · {f.uploadedBy}, {formatDateTime(f.addedAt)}
          </Text>
          {canEdit ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`Remove ${f.fileName}`}
              onClick={() => void onRemove(f)}
              loading={remove.isPending && remove.variables === f.id}
              data-testid="item-file-remove"
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {canEdit ? (
        <Group gap="xs" wrap="wrap">
          <FileButton onChange={pick} accept={EVIDENCE_ACCEPT} resetRef={resetRef}>
            {(props) => (
              <Button
                {...props}
                size="compact-xs"
                variant="light"
                loading={upload.isPending}
                title={`${EVIDENCE_KINDS_LINE}, up to 10 MB`}
                data-testid="item-file-add"
              >
                Add a file
              </Button>
            )}
          </FileButton>
        </Group>
      ) : null}
      {error ? (
        <Alert
          color="red"
          p="xs"
          data-testid="item-file-error"
          withCloseButton
          onClose={() => {
            setProblem(null);
            upload.reset();
          }}
        >
          <Text size="xs">{error}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

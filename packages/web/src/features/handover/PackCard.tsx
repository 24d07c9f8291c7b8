// One pack kind on the packs page: what it must hold, its newest version's verdict and score, masked secrets, and
// the upload of a new version (Markdown, text or .docx) with progress.
import { Alert, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { personName } from '../../lib/people.ts';
import { VERDICT_LABEL } from '../gate/format.ts';
import { VerdictBadge } from '../gate/ui/VerdictBadge.tsx';
import { type PackKind, type PackVersion, packMediaType, type UploadProgress } from './api.ts';
import { maskedLine, PACK_KIND_HINT, PACK_KIND_LABEL, plural, versionLine } from './format.ts';
import { useUploadPack } from './queries.ts';

type Props = {
  code: string;
  kind: PackKind;
  latest: PackVersion | null;
  versions: number;
  canUpload: boolean;
  selected: boolean;
  onShow: () => void;
};

export function PackCard({ code, kind, latest, versions, canUpload, selected, onShow }: Props) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const upload = useUploadPack(code, setProgress);

  const pick = (file: File | null) => {
    setRefusal(null);
    if (!file) return;
    const mediaType = packMediaType(file.name);
    if (!mediaType) {
      setRefusal(`${file.name} is not a pack file: upload Markdown (.md), text (.txt) or Word (.docx).`);
      return;
    }
    upload.mutate(
      { kind, file, mediaType },
      {
        onSuccess: (v) => {
          notifySuccess(
            `${PACK_KIND_LABEL[kind]} version ${v.version}: ${VERDICT_LABEL[v.verdict]}, score ${v.score}`,
            'Checked',
          );
          onShow();
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      component="section"
      aria-label={PACK_KIND_LABEL[kind]}
      data-testid={`pack-${kind}`}
      style={selected ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}
    >
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4}>{PACK_KIND_LABEL[kind]}</Title>
          {latest ? <VerdictBadge verdict={latest.verdict} /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {PACK_KIND_HINT[kind]}
        </Text>
        {latest ? (
          <Stack gap={2}>
            <Text size="sm" fw={500} data-testid="pack-version-line">
              {versionLine(latest)}
            </Text>
            <Text size="xs" c="dimmed">
              {latest.fileName} · {personName(latest.uploadedBy, 'someone')} · {formatDateTime(latest.createdAt)}
              {versions > 1 ? ` · ${plural(versions, 'version')}` : ''}
            </Text>
            {latest.maskedLines.length > 0 ? (
              <Alert color="red" variant="light" p="xs" data-testid="pack-masked">
                {maskedLine(latest.maskedLines)}: remove them from the pack and rotate them.
              </Alert>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="pack-empty">
            Not uploaded yet.
          </Text>
        )}
        {progress ? (
          <Progress
            value={progress.phase === 'uploading' ? (100 * progress.loaded) / Math.max(1, progress.total) : 100}
            animated={progress.phase === 'processing'}
            aria-label={progress.phase === 'uploading' ? 'Uploading' : 'Validating'}
          />
        ) : null}
        {refusal || upload.isError ? (
          <Text size="sm" c="red" data-testid="pack-upload-error">
            {refusal ?? errorMessage(upload.error)}
          </Text>
        ) : null}
        <Group gap="xs" mt="auto">
          {canUpload ? (
            <FileButton onChange={pick} accept=".md,.markdown,.txt,.docx,text/markdown,text/plain">
              {(props) => (
                <Button {...props} size="compact-sm" loading={upload.isPending} data-testid={`upload-${kind}`}>
                  {latest ? 'Upload new version' : 'Upload'}
                </Button>
              )}
            </FileButton>
          ) : null}
          {latest ? (
            <Button size="compact-sm" variant="light" onClick={onShow} data-testid={`show-${kind}`}>
              Findings
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

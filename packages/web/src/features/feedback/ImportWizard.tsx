// Feedback from a chat export in three steps: choose the file (WhatsApp .txt or .zip, Slack export .zip, Teams
// .json) → it uploads with a progress bar and the server reads it → the preview (messages, authors, date range,
// what was left out) lists every message with a box: new messages that repeat nothing start ticked, near repeats
// say what they repeat, messages imported before are skipped → Import creates the ticked ones, all or nothing →
// the result. Nothing is saved before Import; the draft is kept on the server for 24 hours.
import { Alert, Button, FileInput, Group, Modal, Progress, Select, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { type FeedbackImportCommitted, IMPORT_MAX_BYTES, type ImportSource } from './api.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { commitLine, uploadProgress } from './import-view.ts';
import { usePreviewImport } from './use-preview-import.ts';

type Props = { code: string; opened: boolean; onClose: () => void };

export function ImportWizard({ code, opened, onClose }: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Import feedback from a chat export" size="xl" fullScreen={phone}>
      {opened ? <Wizard code={code} onClose={onClose} /> : null}
    </Modal>
  );
}

const SOURCES: { value: ImportSource; label: string }[] = [
  { value: 'auto', label: 'Recognise it' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'slack', label: 'Slack' },
  { value: 'teams', label: 'Teams' },
];

function Wizard({ code, onClose }: { code: string; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 30em)');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<ImportSource>('auto');
  const [result, setResult] = useState<FeedbackImportCommitted | null>(null);
  const preview = usePreviewImport(code);
  const tooLarge = file !== null && file.size > IMPORT_MAX_BYTES;
  const draft = preview.data;
  const step = result ? 2 : draft ? 1 : 0;
  const restart = () => {
    setResult(null);
    setFile(null);
    preview.reset();
  };

  return (
    <Stack gap="md" data-testid="import-wizard" data-step={step}>
      <Stepper active={step} size="sm" iconSize={phone ? 26 : undefined} allowNextStepsSelect={false}>
        <Stepper.Step label="Choose" description={phone ? undefined : 'the export'} />
        <Stepper.Step label="Preview" description={phone ? undefined : 'pick messages'} />
        <Stepper.Step label="Done" />
      </Stepper>
      {step === 0 ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Export the chat from WhatsApp (“Export chat”, with or without media), Slack (workspace export, .zip) or
            Microsoft Teams (chat messages as JSON). You choose which messages become feedback before anything is saved;
            a file imported before creates nothing new.
          </Text>
          <FileInput
            label="Chat export"
            placeholder="Pick a .txt, .zip or .json file"
            accept=".txt,.zip,.json,text/plain,application/zip,application/json"
            value={file}
            onChange={setFile}
            error={tooLarge ? 'This file is larger than 50 MB, the most the server reads.' : undefined}
            disabled={preview.isPending}
            clearable
            data-testid="import-file"
          />
          <Select
            label="Chat app"
            data={SOURCES}
            value={source}
            onChange={(v) => v && setSource(v as ImportSource)}
            allowDeselect={false}
            disabled={preview.isPending}
            data-testid="import-source"
          />
          {preview.isPending ? <UploadBar progress={preview.progress} onCancel={preview.cancel} /> : null}
          {preview.isError && !(preview.error instanceof DOMException) ? (
            <Alert color="red" variant="light" title="This file cannot be imported" data-testid="import-error">
              {errorMessage(preview.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              disabled={!file || tooLarge}
              loading={preview.isPending}
              onClick={() => file && preview.mutate({ file, source })}
              data-testid="import-upload"
            >
              Upload and preview
            </Button>
          </Group>
        </Stack>
      ) : null}
      {step === 1 && draft ? (
        <ImportPreview code={code} draft={draft} onBack={restart} onCommitted={setResult} />
      ) : null}
      {step === 2 && result ? (
        <Stack gap="sm" data-testid="import-result">
          <Alert color="green" variant="light" title="Imported">
            <Text size="sm" data-testid="import-result-line">
              {commitLine(result)}
            </Text>
          </Alert>
          {result.created.length > 0 ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {result.created
                .slice(0, 20)
                .map((i) => i.key)
                .join(', ')}
              {result.created.length > 20 ? ` and ${result.created.length - 20} more` : ''}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={restart} data-testid="import-another">
              Import another file
            </Button>
            <Button onClick={onClose} data-testid="import-close">
              Show in the inbox
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

function UploadBar({ progress, onCancel }: { progress: Parameters<typeof uploadProgress>[0]; onCancel: () => void }) {
  const shown = uploadProgress(progress);
  return (
    <Stack gap={4} data-testid="import-progress">
      <Progress
        value={shown.percent ?? 100}
        animated={shown.percent === null}
        striped={shown.percent === null}
        aria-label="Upload progress"
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite">
          {shown.label}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

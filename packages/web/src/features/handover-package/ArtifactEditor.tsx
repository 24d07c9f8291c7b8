// Writing an artifact's next version: the text starts from the latest version (or, on request, from the template, or
// for release notes from the draft generated from the done stories and bugs), and is saved on top of the version it
// started from. When someone saved in between, the server refuses (409) and the text stays here until the person
// chooses to save it on top of theirs or take theirs.
import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { ARTIFACT_LABELS, PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { ArtifactKind } from './api.ts';
import { isStaleVersion, plural } from './format.ts';
import { useArtifactDraft, useArtifactVersion } from './queries.ts';
import { useSaveArtifact } from './use-save-artifact.ts';

type Props = {
  code: string;
  kind: ArtifactKind;
  latest: number | null;
  onSaved: (version: number) => void;
  /** Someone saved first: the page shows their version beside this text. */
  onConflict: () => void;
};

export function ArtifactEditor({ code, kind, latest, onSaved, onConflict }: Props) {
  const latestVersion = useArtifactVersion(code, kind, latest);
  const draft = useArtifactDraft(code, kind);
  const save = useSaveArtifact(code, kind);
  // null: untouched, so the editor shows the latest version's text and saves on top of it.
  const [text, setText] = useState<string | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [covers, setCovers] = useState<string | null>(null);
  const latestBody = latestVersion.data?.body ?? '';
  const value = text ?? latestBody;
  const baseVersion = base ?? latest ?? 0;
  const stale = isStaleVersion(save.error);
  const edited = text !== null && text !== latestBody;
  const source = kind === 'release_notes' ? 'the generated draft' : 'the template';

  const startFromDraft = async () => {
    if (edited) {
      const ok = await confirmAction({
        title: `Replace your text with ${source}?`,
        message: 'Your unsaved changes in the editor are lost.',
        confirmLabel: 'Replace',
        danger: true,
      });
      if (!ok) return;
    }
    const got = await draft.refetch();
    if (got.error || !got.data) {
      notifyError(got.error, `${ARTIFACT_LABELS[kind]}: ${source} could not be read`);
      return;
    }
    setText(got.data.body);
    setBase(latest ?? 0);
    setCovers(
      kind === 'release_notes'
        ? `The draft lists ${plural(got.data.covers.length, 'story or bug', 'stories and bugs')}${
            got.data.since ? ` done since ${got.data.since.release} (${got.data.since.date})` : ''
          }. Check it before saving.`
        : null,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { body: value, baseVersion, note: note.trim() },
      {
        onSuccess: (saved) => {
          notifySuccess(`${ARTIFACT_LABELS[kind]}: version ${saved.version} saved`);
          setText(null);
          setBase(null);
          setNote('');
          setCovers(null);
          onSaved(saved.version);
        },
        onError: (err) => {
          if (isStaleVersion(err)) onConflict();
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="artifact-editor">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={5}>{latest ? `Write version ${latest + 1}` : 'Write the first version'}</Title>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => void startFromDraft()}
            loading={draft.isFetching}
            data-testid="artifact-start-draft"
          >
            {kind === 'release_notes' ? 'Start from the draft' : 'Start from the template'}
          </Button>
        </Group>
        {latest ? (
          <Text size="xs" c="dimmed">
            Starts from version {baseVersion}
            {edited ? ' · unsaved changes' : ''}
          </Text>
        ) : null}
        {covers ? (
          <Text size="sm" data-testid="artifact-draft-covers">
            {covers}
          </Text>
        ) : null}
        {stale ? (
          <Alert color="orange" title="Someone else saved a newer version" role="alert" data-testid="artifact-stale">
            <Stack gap="xs">
              <Text size="sm">
                Version {latest ?? '?'} was saved while you were editing, so yours was not saved. Nothing is lost: your
                text is still in the editor. Compare it with theirs in the list of versions, then save yours as the next
                version or take theirs.
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  onClick={() => {
                    setBase(latest ?? 0);
                    save.reset();
                  }}
                  data-testid="artifact-stale-keep"
                >
                  Keep my text, save on top of version {latest ?? '?'}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setText(null);
                    setBase(null);
                    save.reset();
                  }}
                >
                  Take theirs
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormError error={save.error} fields={['body', 'note']} />
        )}
        <Textarea
          aria-label={`${ARTIFACT_LABELS[kind]} text (Markdown)`}
          placeholder={latestVersion.isFetching ? 'Loading the latest version…' : `Markdown, or start from ${source}`}
          autosize
          minRows={10}
          maxRows={28}
          maxLength={PACKAGE_LIMITS.artifactChars}
          value={value}
          onChange={(e) => {
            // The first keystroke pins the version this text builds on, so a save in between is caught.
            if (base === null) setBase(latest ?? 0);
            setText(e.currentTarget.value);
          }}
          error={fieldError(save.error, 'body')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="artifact-body"
        />
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            label="What changed"
            placeholder="Optional note for the history"
            maxLength={PACKAGE_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            data-testid="artifact-note"
          />
          <Button
            type="submit"
            loading={save.isPending}
            disabled={stale || value.trim() === '' || (latest !== null && !edited)}
            data-testid="artifact-save"
          >
            Save version {(latest ?? 0) + 1}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

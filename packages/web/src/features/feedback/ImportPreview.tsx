// The import wizard's preview step: the export's facts (messages, authors, date range, what was left out, near
// repeats) and every message with a box — new messages that repeat nothing start ticked, a near repeat says which
// message it repeats, one already in the inbox says so, one imported before is skipped — then Import, all or nothing.
import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { countOf } from '../backlog/stories-view.ts';
import type { FeedbackImportCommitted, FeedbackImportPreview } from './api.ts';
import {
  droppedLine,
  previewFacts,
  repeatNote,
  repeatsLine,
  selectableIndices,
  suggestedIndices,
} from './import-view.ts';
import { toggled } from './shortcuts.ts';
import { useCommitImport } from './use-commit-import.ts';

const PAGE = 200;

export function ImportPreview({
  code,
  draft,
  onBack,
  onCommitted,
}: {
  code: string;
  draft: FeedbackImportPreview;
  onBack: () => void;
  onCommitted: (r: FeedbackImportCommitted) => void;
}) {
  const commit = useCommitImport(code);
  const [selected, setSelected] = useState<Set<number>>(() => suggestedIndices(draft));
  const [shown, setShown] = useState(PAGE);
  const all = useMemo(() => selectableIndices(draft), [draft]);
  const dropped = droppedLine(draft.dropped);
  const repeats = draft.items.filter((i) => i.duplicateOfIndex !== null).length;
  const authors = draft.authors
    .slice(0, 8)
    .map((a) => `${a.name} (${a.count})`)
    .join(', ');

  return (
    <Stack gap="sm" data-testid="import-preview">
      <Paper withBorder radius="md" p="sm">
        <Stack gap={4}>
          <Text size="sm" fw={600} data-testid="import-facts">
            {previewFacts(draft)}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="import-authors">
            {draft.fileName ? `${draft.fileName} · ` : ''}Authors: {authors}
            {draft.authors.length > 8 ? ` and ${draft.authors.length - 8} more` : ''}
          </Text>
          {dropped ? (
            <Text size="xs" c="dimmed">
              {dropped}.
            </Text>
          ) : null}
          {repeats > 0 ? (
            <Text size="xs" c="orange.8" data-testid="import-repeats">
              {repeatsLine(repeats)}
            </Text>
          ) : null}
          {draft.alreadyImported ? (
            <Text size="xs" c="orange.8" data-testid="import-already">
              This very file was imported before: its messages are skipped.
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Group justify="space-between" gap="xs">
        <Text size="sm" aria-live="polite" data-testid="import-selected">
          {selected.size} of {countOf(draft.items.length, 'message')} selected
        </Text>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setSelected(new Set(all))}
            data-testid="import-select-all"
          >
            Select all
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setSelected(new Set())}
            data-testid="import-select-none"
          >
            Select none
          </Button>
        </Group>
      </Group>
      <Stack gap={6} component="ul" className="feedback-plain-list" aria-label="Messages">
        {draft.items.slice(0, shown).map((m) => {
          const note = repeatNote(m, draft);
          return (
            <Paper
              key={m.index}
              component="li"
              withBorder
              radius="sm"
              p="xs"
              data-testid="import-message"
              data-index={m.index}
              bg={m.alreadyImported ? 'var(--mantine-color-gray-0)' : undefined}
            >
              <Checkbox
                checked={selected.has(m.index)}
                disabled={m.alreadyImported}
                onChange={() => setSelected((s) => toggled(s, m.index))}
                label={
                  <Text size="xs" c="dimmed" span>
                    {m.index + 1}. {m.author} · {formatDateTime(m.timestamp)}
                  </Text>
                }
                description={
                  <Stack gap={2} component="span">
                    <Text
                      size="sm"
                      c="var(--mantine-color-text)"
                      span
                      style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}
                    >
                      {m.text.length > 600 ? `${m.text.slice(0, 600)}…` : m.text}
                    </Text>
                    {m.alreadyImported ? (
                      <Text size="xs" c="dimmed" span>
                        Imported before — skipped
                      </Text>
                    ) : null}
                    {note ? (
                      <Text size="xs" c="orange.8" span data-testid="import-repeat-note">
                        {note}
                      </Text>
                    ) : null}
                    {m.similar.map((s) => (
                      <Text size="xs" c="orange.8" span key={s.key} data-testid="import-similar">
                        Already in the inbox: {s.explanation}
                      </Text>
                    ))}
                  </Stack>
                }
                data-testid="import-message-box"
              />
            </Paper>
          );
        })}
      </Stack>
      {draft.items.length > shown ? (
        <Button variant="subtle" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, draft.items.length - shown)} more
        </Button>
      ) : null}
      {commit.isError ? (
        <Alert color="red" variant="light" data-testid="import-commit-error">
          Nothing was imported: {errorMessage(commit.error)}
        </Alert>
      ) : null}
      <Group justify="space-between" className="feedback-wizard-foot">
        <Button variant="default" onClick={onBack} disabled={commit.isPending}>
          Choose another file
        </Button>
        <Button
          disabled={selected.size === 0}
          loading={commit.isPending}
          onClick={() =>
            commit.mutate({ id: draft.id, indices: [...selected].sort((a, b) => a - b) }, { onSuccess: onCommitted })
          }
          data-testid="import-commit"
        >
          Import {countOf(selected.size, 'message')}
        </Button>
      </Group>
    </Stack>
  );
}

// A new rubric version from JSON: checked locally as you type, then validated again by the server on save.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useDeferredValue, useMemo, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { LoadingState } from '../../../lib/states.tsx';
import type { RubricSummary } from '../api.ts';
import { useRubric } from '../queries.ts';
import { useCreateRubric } from '../use-create-rubric.ts';
import { checkRubricDraft, nextVersionDraft } from './rubric-draft.ts';

type Props = { base: RubricSummary | null; onCancel: () => void; onCreated: (id: string) => void };

export function RubricEditor({ base, onCancel, onCreated }: Props) {
  const detail = useRubric(base?.id);
  if (base && detail.isPending) return <LoadingState label="Loading the base version…" />;
  const definition = detail.data?.definition ?? DEFAULT_RUBRIC;
  const next = (base?.version ?? DEFAULT_RUBRIC.version) + 1;
  return (
    <DraftEditor
      initial={nextVersionDraft(definition, next)}
      baseLabel={base ? `${base.rubricId} v${base.version}` : 'the built-in default'}
      onCancel={onCancel}
      onCreated={onCreated}
    />
  );
}

const extensions = [
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ 'aria-label': 'Rubric JSON', 'data-testid': 'rubric-json' }),
];

function DraftEditor({
  initial,
  baseLabel,
  onCancel,
  onCreated,
}: {
  initial: string;
  baseLabel: string;
  onCancel: () => void;
  onCreated: (id: string) => void;
}) {
  const create = useCreateRubric();
  const [text, setText] = useState(initial);
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkRubricDraft(deferred), [deferred]);
  const serverParams = create.error instanceof ApiError ? (create.error.problem.invalid_params ?? []) : [];

  const save = () => {
    if (check.definition === undefined) return;
    create.mutate(check.definition, {
      onSuccess: (saved) => {
        notifySuccess(`${saved.rubricId} v${saved.version} created. Activate it to use it for new submissions.`);
        onCreated(saved.id);
      },
    });
  };

  return (
    <Card withBorder radius="md" data-testid="rubric-editor">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>New rubric version</Title>
          <Text size="xs" c="dimmed">
            Based on {baseLabel}. Weights must sum to 100 and check ids must exist; the server numbers the version.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            onClick={save}
            loading={create.isPending}
            disabled={check.definition === undefined}
            data-testid="save-rubric"
          >
            Create version
          </Button>
        </Group>
      </Group>
      <Stack gap="xs">
        {check.error === null ? (
          <Alert color="green" p="xs" data-testid="rubric-local-check">
            Valid rubric.
          </Alert>
        ) : (
          <Alert color="yellow" p="xs" data-testid="rubric-local-check">
            {check.error}
            {check.definition !== undefined ? ' (you can still send it; the server lists every problem)' : ''}
          </Alert>
        )}
        {create.error ? (
          <Alert color="red" title="The server rejected this rubric" data-testid="rubric-server-error">
            {serverParams.length > 0 ? (
              <List size="sm">
                {serverParams.map((p) => (
                  <List.Item key={`${p.name}:${p.reason}`}>
                    <Text span ff="monospace" size="sm">
                      {p.name}
                    </Text>
                    : {p.reason}
                  </List.Item>
                ))}
              </List>
            ) : (
              errorMessage(create.error)
            )}
          </Alert>
        ) : null}
        <Card withBorder p={0} radius="sm" style={{ overflow: 'hidden' }}>
          <CodeMirror
            value={text}
            onChange={setText}
            extensions={extensions}
            height="60vh"
            basicSetup={{ foldGutter: true }}
          />
        </Card>
      </Stack>
    </Card>
  );
}

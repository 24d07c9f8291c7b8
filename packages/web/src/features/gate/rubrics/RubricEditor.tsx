// A new rubric version, as a form or as JSON (Advanced): checked locally as you type with the server's own schema,
// then validated again by the server on save, which names every problem at its field.
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useDeferredValue, useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/errors.ts';
import { invalidParams, problemsUnder } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { InvalidParamsList } from '../../../ui/InvalidParamsList.tsx';
import { LoadingState } from '../../../ui/States.tsx';
import type { RubricSummary } from '../api.ts';
import { useRubric } from '../queries.ts';
import { useCreateRubric } from '../use-create-rubric.ts';
import { RubricForm } from './RubricForm.tsx';
import { type Definition, isObject, nextVersionDefinition, rubricIssues } from './rubric-form.ts';

type Props = { base: RubricSummary | null; onCancel: () => void; onCreated: (id: string) => void };

export function RubricEditor({ base, onCancel, onCreated }: Props) {
  const detail = useRubric(base?.id);
  if (base && detail.isPending) return <LoadingState label="Loading the base version…" />;
  const definition = detail.data?.definition ?? DEFAULT_RUBRIC;
  const next = (base?.version ?? DEFAULT_RUBRIC.version) + 1;
  return (
    <DraftEditor
      initial={nextVersionDefinition(definition, next)}
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

type Mode = 'form' | 'json';

/** `undefined` when the text is JSON but not an object, so the form has nothing to show. */
function parseJson(text: string): { value?: Definition; error: string | null } {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { value, error: null } : { error: 'The rubric must be a JSON object' };
  } catch (err) {
    return { error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function DraftEditor({
  initial,
  baseLabel,
  onCancel,
  onCreated,
}: {
  initial: Definition;
  baseLabel: string;
  onCancel: () => void;
  onCreated: (id: string) => void;
}) {
  const create = useCreateRubric();
  // The definition is the draft; the JSON text exists while the Advanced view is open and may be broken mid-edit.
  const [definition, setDefinition] = useState(initial);
  const [mode, setMode] = useState<Mode>('form');
  const [json, setJson] = useState('');
  const jsonError = mode === 'json' ? parseJson(json).error : null;
  const deferred = useDeferredValue(definition);
  const issues = useMemo(() => rubricIssues(deferred), [deferred]);
  const serverProblems = problemsUnder(create.error, 'definition.');
  const serverParams = invalidParams(create.error);
  const firstIssue = issues.entries().next().value;

  const change = (next: Definition) => {
    setDefinition(next);
    // The server's answer was about the draft as sent; the local check takes over once it changes.
    if (create.error) create.reset();
  };
  const changeJson = (text: string) => {
    setJson(text);
    const parsed = parseJson(text);
    if (parsed.value) change(parsed.value);
  };
  const switchMode = (next: Mode) => {
    if (next === 'json') setJson(JSON.stringify(definition, null, 2));
    setMode(next);
  };

  const save = () => {
    if (jsonError) return;
    create.mutate(definition, {
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
          <Button onClick={save} loading={create.isPending} disabled={jsonError !== null} data-testid="save-rubric">
            Create version
          </Button>
        </Group>
      </Group>
      <Stack gap="xs">
        <SegmentedControl
          aria-label="Rubric editor view"
          value={mode}
          onChange={(v) => switchMode(v as Mode)}
          data={[
            { value: 'form', label: 'Form', disabled: jsonError !== null },
            { value: 'json', label: 'Advanced (JSON)' },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="rubric-editor-mode"
        />
        {jsonError ? (
          <Alert color="yellow" p="xs" data-testid="rubric-local-check">
            {jsonError}
          </Alert>
        ) : firstIssue === undefined ? (
          <Alert color="green" p="xs" data-testid="rubric-local-check">
            Valid rubric.
          </Alert>
        ) : (
          <Alert color="yellow" p="xs" data-testid="rubric-local-check">
            {firstIssue[0] ? `${firstIssue[0]}: ` : ''}
            {firstIssue[1]}
            {issues.size > 1 ? ` (and ${issues.size - 1} more)` : ''} — you can still send it; the server lists every
            problem.
          </Alert>
        )}
        {create.error ? (
          <Alert color="red" title="The server rejected this rubric" data-testid="rubric-server-error">
            {serverParams.length > 0 ? <InvalidParamsList params={serverParams} /> : errorMessage(create.error)}
          </Alert>
        ) : null}
        {mode === 'form' ? (
          <RubricForm value={definition} onChange={change} problems={new Map([...issues, ...serverProblems])} />
        ) : (
          <Card withBorder p={0} radius="sm" style={{ overflow: 'hidden' }}>
            <CodeMirror
              value={json}
              onChange={changeJson}
              extensions={extensions}
              height="60vh"
              basicSetup={{ foldGutter: true }}
            />
          </Card>
        )}
      </Stack>
    </Card>
  );
}

// The naming convention as a form, or as JSON in the Advanced view; checked while typing with the server's own
// schema, and every problem the server names on save is shown at its field.
import { Alert, Button, Group, JsonInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { invalidParams, problemsUnder } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { InvalidParamsList } from '../../../ui/InvalidParamsList.tsx';
import { useSaveNaming } from '../use-save-naming.ts';
import { ConventionForm } from './ConventionForm.tsx';
import { type ConventionDraft, conventionIssues, fromDraft, toDraft } from './convention-form.ts';

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };
type Mode = 'form' | 'json';

function parseConvention(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, error: 'The convention must be a JSON object' };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: `Invalid JSON: ${(err as Error).message}` };
  }
}

const asJson = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

/** Mounted with key=version so a saved convention resets the draft. */
export function ConventionEditor({ convention, canEdit }: { convention: Record<string, unknown>; canEdit: boolean }) {
  const save = useSaveNaming();
  const original = asJson(convention);
  const [mode, setMode] = useState<Mode>('form');
  const [draft, setDraft] = useState<ConventionDraft>(() => toDraft(convention));
  const [json, setJson] = useState(original);
  const parsed: Parsed = mode === 'json' ? parseConvention(json) : { ok: true, value: fromDraft(draft) };
  const current = parsed.ok ? asJson(parsed.value) : json;
  const dirty = current !== original;
  const issues = parsed.ok ? conventionIssues(parsed.value) : new Map<string, string>();
  const problems = new Map([...issues, ...problemsUnder(save.error, 'convention.')]);
  const serverParams = invalidParams(save.error);

  const touched = () => {
    // The server's answer was about the convention as sent; the local check takes over once it changes.
    if (save.error) save.reset();
  };
  const switchMode = (next: Mode) => {
    if (next === 'json') setJson(asJson(fromDraft(draft)));
    else if (parsed.ok) setDraft(toDraft(parsed.value));
    setMode(next);
  };
  const discard = () => {
    setDraft(toDraft(convention));
    setJson(original);
    save.reset();
  };
  const submit = () => {
    if (!parsed.ok) return;
    save.mutate(parsed.value, { onSuccess: () => notifySuccess('Naming convention saved') });
  };

  return (
    <Stack gap="xs" data-testid="naming-editor">
      <SegmentedControl
        aria-label="Convention editor view"
        value={mode}
        onChange={(v) => switchMode(v as Mode)}
        data={[
          { value: 'form', label: 'Form', disabled: !parsed.ok },
          { value: 'json', label: 'Advanced (JSON)' },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="naming-editor-mode"
      />
      {mode === 'form' ? (
        <ConventionForm
          value={draft}
          onChange={(next) => {
            setDraft(next);
            touched();
          }}
          problems={problems}
          readOnly={!canEdit}
        />
      ) : (
        <JsonInput
          label="Convention (JSON)"
          description="Patterns use the placeholders the validator understands; saving creates a new version."
          value={json}
          onChange={(text) => {
            setJson(text);
            touched();
          }}
          autosize
          minRows={10}
          maxRows={30}
          formatOnBlur
          readOnly={!canEdit}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          error={parsed.ok ? undefined : parsed.error}
          data-testid="naming-json"
        />
      )}
      {save.error ? (
        <Alert color="red" title="Not saved" data-testid="naming-save-error">
          <Text size="sm">{serverParams.length > 0 ? (save.error as ApiError).message : errorMessage(save.error)}</Text>
          {serverParams.length > 0 && <InvalidParamsList params={serverParams} mt="xs" />}
        </Alert>
      ) : null}
      {canEdit && (
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={discard}>
            Discard changes
          </Button>
          <Button onClick={submit} disabled={!parsed.ok || !dirty} loading={save.isPending} data-testid="naming-save">
            Save convention
          </Button>
        </Group>
      )}
    </Stack>
  );
}

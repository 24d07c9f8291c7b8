import { Alert, Button, Group, JsonInput, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSaveNaming } from '../use-save-naming.ts';

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

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

/** Mounted with key=version so a saved convention resets the draft. */
export function ConventionEditor({ convention, canEdit }: { convention: Record<string, unknown>; canEdit: boolean }) {
  const save = useSaveNaming();
  const original = JSON.stringify(convention, null, 2);
  const [draft, setDraft] = useState(original);
  const parsed = parseConvention(draft);
  const problems = save.error instanceof ApiError ? (save.error.problem.invalid_params ?? []) : [];

  const submit = () => {
    if (!parsed.ok) return;
    save.mutate(parsed.value, { onSuccess: () => notifySuccess('Naming convention saved') });
  };

  return (
    <Stack gap="xs">
      <JsonInput
        label="Convention (JSON)"
        description="Patterns use the placeholders the validator understands; saving creates a new version."
        value={draft}
        onChange={setDraft}
        autosize
        minRows={10}
        maxRows={30}
        formatOnBlur
        readOnly={!canEdit}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        error={parsed.ok ? undefined : parsed.error}
        data-testid="naming-json"
      />
      {save.error ? (
        <Alert color="red" title="Not saved" data-testid="naming-save-error">
          <Text size="sm">{problems.length > 0 ? (save.error as ApiError).message : errorMessage(save.error)}</Text>
          {problems.length > 0 && (
            <List size="sm" mt="xs">
              {problems.map((p) => (
                <List.Item key={p.name}>
                  <Text span ff="monospace" size="sm">
                    {p.name}
                  </Text>
                  : {p.reason}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      ) : null}
      {canEdit && (
        <Group justify="flex-end">
          <Button variant="default" disabled={draft === original} onClick={() => setDraft(original)}>
            Discard changes
          </Button>
          <Button
            onClick={submit}
            disabled={!parsed.ok || draft === original}
            loading={save.isPending}
            data-testid="naming-save"
          >
            Save convention
          </Button>
        </Group>
      )}
    </Stack>
  );
}

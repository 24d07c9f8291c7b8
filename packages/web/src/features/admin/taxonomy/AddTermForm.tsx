import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { TaxonomyKind } from '@pi-studio/core/workspace/stages';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useCreateTerm } from '../use-create-term.ts';

// Codes are stored on products and used in filters and URLs, so they stay snake_case and never change.
const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Suggests a code from the label until the user edits the code themselves. */
const toSnake = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[0-9_]+/, '')
    .slice(0, 40);

export function AddTermForm({ kind }: { kind: TaxonomyKind }) {
  const create = useCreateTerm();
  const [label, setLabel] = useState('');
  const [code, setCode] = useState('');
  const [codeEdited, setCodeEdited] = useState(false);
  const effectiveCode = codeEdited ? code : toSnake(label);
  const codeProblem =
    effectiveCode && !CODE_PATTERN.test(effectiveCode)
      ? 'lower_snake_case: starts with a–z, then a–z, 0–9 or _ (up to 40)'
      : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim() || !CODE_PATTERN.test(effectiveCode)) return;
    create.mutate(
      { kind, code: effectiveCode, label: label.trim() },
      {
        onSuccess: (term) => {
          notifySuccess(`Added ${term.label}`);
          setLabel('');
          setCode('');
          setCodeEdited(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid={`taxonomy-add-${kind}`}>
      <Stack gap="xs">
        <FormError error={create.error} fields={['code', 'label', 'kind']} />
        <Group align="flex-start" gap="xs">
          <TextInput
            size="xs"
            label="Label"
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fieldError(create.error, 'label')}
            data-testid={`taxonomy-label-${kind}`}
          />
          <TextInput
            size="xs"
            label="Code"
            required
            value={effectiveCode}
            onChange={(e) => {
              setCodeEdited(true);
              setCode(e.currentTarget.value);
            }}
            error={codeProblem ?? fieldError(create.error, 'code')}
            data-testid={`taxonomy-code-${kind}`}
          />
          <Button
            size="xs"
            type="submit"
            mt={22}
            loading={create.isPending}
            disabled={!label.trim() || !effectiveCode || Boolean(codeProblem)}
            data-testid={`taxonomy-submit-${kind}`}
          >
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// The foot of a modal form.
import { Button, Group } from '@mantine/core';

type Props = {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
  /** A red submit button, for a change that cannot be taken back. */
  danger?: boolean;
  testId?: string;
};

/** The foot of a modal form: Cancel, then the submit button, right-aligned. */
export function FormActions({ onCancel, submitLabel, loading, disabled, danger, testId }: Props) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button
        type="submit"
        color={danger ? 'red' : undefined}
        loading={loading}
        disabled={disabled}
        data-testid={testId}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}

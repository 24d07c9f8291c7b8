// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// The form-level error: whatever problem no field of the form can show under itself.
import { Alert } from '@mantine/core';
import { formLevelError } from '../lib/field-errors.ts';

type Props = { error: unknown; fields?: readonly string[]; testId?: string };

/** Shows a mutation error that no field of the form can show under itself. */
export function FormError({ error, fields = [], testId = 'form-error' }: Props) {
  const message = formLevelError(error, fields);
  if (!message) return null;
  return (
    <Alert color="red" variant="light" data-testid={testId}>
      {message}
    </Alert>
  );
}

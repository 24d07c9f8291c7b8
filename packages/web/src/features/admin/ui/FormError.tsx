import { Alert } from '@mantine/core';
import { formLevelError } from './errors.ts';

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

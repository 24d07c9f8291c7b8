import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';

type Props = {
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  error: unknown;
  pending: boolean;
  onSubmit: (currentPassword: string) => void;
  onClose: () => void;
  /** Shown instead of the form once the change is done (e.g. new recovery codes). */
  result?: ReactNode;
};

/** Changes to how you sign in ask for your password again, so an unattended session cannot make them. */
export function PasswordProofModal({
  title,
  description,
  confirmLabel,
  danger,
  error,
  pending,
  onSubmit,
  onClose,
  result,
}: Props) {
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password) onSubmit(password);
  };
  return (
    <Modal opened onClose={result ? () => undefined : onClose} withCloseButton={!result} title={title} size="md">
      {result ?? (
        <form onSubmit={submit} data-testid="password-proof-form">
          <Stack>
            <Text size="sm">{description}</Text>
            <FormError error={error} fields={['currentPassword']} testId="password-proof-error" />
            <PasswordInput
              label="Your current password"
              autoComplete="current-password"
              required
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(error, 'currentPassword')}
              data-testid="password-proof-input"
            />
            <FormActions
              onCancel={onClose}
              submitLabel={confirmLabel}
              danger={danger}
              loading={pending}
              disabled={!password}
              testId="password-proof-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

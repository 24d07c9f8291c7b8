import { Button, Card, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { passwordRule } from '@pi-studio/core/access/password-policy';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useSession } from '../auth/session.tsx';
import { livePasswordError } from './password-feedback.ts';
import { useChangePassword } from './use-change-password.ts';

export function PasswordForm() {
  const change = useChangePassword();
  const { user } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  // Checked here only because the server never sees the confirmation field.
  const mismatch = confirm !== '' && confirm !== newPassword ? 'Does not match the new password' : undefined;
  // The policy as you type; the server's reasons (e.g. a common password) replace it after a submit.
  const weak = livePasswordError(newPassword, { email: user.email, name: user.name, current: currentPassword });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!currentPassword || !newPassword || weak || newPassword !== confirm) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess('Password changed');
          setCurrent('');
          setNew('');
          setConfirm('');
        },
      },
    );
  };

  return (
    <Card withBorder>
      <form onSubmit={submit} data-testid="password-form">
        <Stack maw={420}>
          <Title order={4}>Change password</Title>
          <FormError error={change.error} fields={['currentPassword', 'newPassword']} testId="password-error" />
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError(change.error, 'currentPassword')}
            data-testid="password-current"
          />
          <PasswordInput
            label="New password"
            description={`${passwordRule('your')}; not your current one`}
            required
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={weak ?? fieldError(change.error, 'newPassword')}
            data-testid="password-new"
          />
          <PasswordInput
            label="Confirm new password"
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch}
            data-testid="password-confirm"
          />
          <Group>
            <Button
              type="submit"
              loading={change.isPending}
              disabled={!currentPassword || !newPassword || Boolean(weak) || newPassword !== confirm}
              data-testid="password-submit"
            >
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

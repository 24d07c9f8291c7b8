import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { RecoveryCodes } from '../auth/RecoveryCodes.tsx';
import { useSession } from '../auth/session.tsx';
import { EnableTotpModal } from './EnableTotpModal.tsx';
import { PasswordProofModal } from './PasswordProofModal.tsx';
import { useDisableTotp } from './use-disable-totp.ts';
import { useRegenerateRecoveryCodes } from './use-regenerate-recovery-codes.ts';

type Open = null | 'enable' | 'disable' | 'codes';

/** Two-step sign-in of the signed-in person: turn on, new recovery codes, turn off (unless the studio requires it). */
export function TwoStepSection() {
  const { totp } = useSession();
  const [open, setOpen] = useState<Open>(null);
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const close = () => {
    disable.reset();
    regenerate.reset();
    setOpen(null);
  };

  return (
    <Card withBorder data-testid="two-step-section">
      <Stack maw={640}>
        <Group gap="sm">
          <Title order={4}>Two-step sign-in</Title>
          <Badge color={totp.enabled ? 'teal' : 'gray'} variant="light" data-testid="two-step-status">
            {totp.enabled ? 'On' : 'Off'}
          </Badge>
          {totp.required ? (
            <Badge color="blue" variant="outline">
              Required by your studio
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          After your password, PI Studio also asks for a code from an authenticator app on your phone, so a stolen
          password alone cannot open your account. API tokens are separate credentials and do not ask for a code: give
          them an expiry date.
        </Text>
        {totp.enabled ? (
          <>
            <Text size="sm" data-testid="recovery-codes-left">
              {totp.recoveryCodesLeft} of 10 recovery codes left
            </Text>
            {totp.recoveryCodesLeft <= 3 ? (
              <Alert color="yellow" variant="light">
                You are running out of recovery codes. Create a new set and keep it somewhere safe.
              </Alert>
            ) : null}
            <Group>
              <Button variant="light" onClick={() => setOpen('codes')} data-testid="two-step-new-codes">
                New recovery codes
              </Button>
              {totp.required ? null : (
                <Button variant="subtle" color="red" onClick={() => setOpen('disable')} data-testid="two-step-disable">
                  Turn off
                </Button>
              )}
            </Group>
          </>
        ) : (
          <Group>
            <Button onClick={() => setOpen('enable')} data-testid="two-step-enable">
              Turn on two-step sign-in
            </Button>
          </Group>
        )}
      </Stack>
      {open === 'enable' ? <EnableTotpModal onClose={close} /> : null}
      {open === 'disable' ? (
        <PasswordProofModal
          title="Turn off two-step sign-in"
          description="Your password alone will sign you in again, and your recovery codes stop working."
          confirmLabel="Turn off"
          danger
          error={disable.error}
          pending={disable.isPending}
          onSubmit={(currentPassword) =>
            disable.mutate(
              { currentPassword },
              {
                onSuccess: () => {
                  notifySuccess('Two-step sign-in is off');
                  close();
                },
              },
            )
          }
          onClose={close}
        />
      ) : null}
      {open === 'codes' ? (
        <PasswordProofModal
          title="New recovery codes"
          description="You get 10 new codes; the ones you have now stop working."
          confirmLabel="Create new codes"
          error={regenerate.error}
          pending={regenerate.isPending}
          onSubmit={(currentPassword) => regenerate.mutate({ currentPassword })}
          onClose={close}
          result={
            regenerate.data ? (
              <RecoveryCodes codes={regenerate.data.recoveryCodes} onDone={close} doneLabel="Done" />
            ) : undefined
          }
        />
      ) : null}
    </Card>
  );
}

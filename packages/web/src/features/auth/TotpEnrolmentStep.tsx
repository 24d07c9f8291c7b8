import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LoadingState } from '../../ui/States.tsx';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';
import { CodeField } from './CodeField.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { signInStepError, stepExpired } from './sign-in-errors.ts';
import { useConfirmLoginEnrolment } from './use-confirm-login-enrolment.ts';
import { useEnterApp } from './use-enter-app.ts';
import { useStartLoginEnrolment } from './use-start-login-enrolment.ts';

type Props = { challenge: string; onRestart: () => void };

/**
 * The studio requires two-step sign-in and this person has not set it up: set it up now, before any session
 * starts. The session begins with the confirming code; the app opens once the recovery codes are saved.
 */
export function TotpEnrolmentStep({ challenge, onRestart }: Props) {
  const start = useStartLoginEnrolment();
  const confirm = useConfirmLoginEnrolment();
  const enter = useEnterApp();
  const [code, setCode] = useState('');
  const started = useRef(false);

  useEffect(() => {
    // Once: a second start would replace the secret the person is scanning.
    if (started.current) return;
    started.current = true;
    start.mutate({ challenge });
  }, [challenge, start]);

  if (confirm.data) {
    return (
      <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => void enter()} doneLabel="Continue to PI Studio" />
    );
  }

  const error = start.error ?? confirm.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ challenge, code });
  };

  return (
    <form onSubmit={submit} aria-label="Set up two-step sign-in" data-testid="totp-enrolment-form">
      <Stack>
        <Text size="sm">
          Your studio requires two-step sign-in: after your password, you also enter a code from an app on your phone.
          Set it up now to continue.
        </Text>
        {error ? (
          <Alert color="red" role="alert" data-testid="totp-error">
            {signInStepError(error)}
          </Alert>
        ) : null}
        {start.data ? <AuthenticatorSetup enrolment={start.data} /> : start.isPending ? <LoadingState /> : null}
        {start.data ? <CodeField value={code} onChange={setCode} /> : null}
        {stepExpired(error) ? (
          <Button onClick={onRestart} fullWidth data-testid="totp-restart">
            Sign in again
          </Button>
        ) : (
          <Button
            type="submit"
            loading={confirm.isPending}
            disabled={!start.data || code.length !== 6}
            fullWidth
            data-testid="totp-enrolment-submit"
          >
            Confirm and sign in
          </Button>
        )}
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          Back to email and password
        </Anchor>
      </Stack>
    </form>
  );
}

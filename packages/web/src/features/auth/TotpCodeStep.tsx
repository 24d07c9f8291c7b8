import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CodeField } from './CodeField.tsx';
import { signInStepError, stepExpired } from './sign-in-errors.ts';
import { useLoginWithCode } from './use-login-with-code.ts';

type Props = { challenge: string; onRestart: () => void };

/** After a right password: the code from the app, or one recovery code when the phone is not at hand. */
export function TotpCodeStep({ challenge, onRestart }: Props) {
  const signIn = useLoginWithCode();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const expired = stepExpired(signIn.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(useRecovery ? { challenge, recoveryCode: recoveryCode.trim() } : { challenge, code });
  };

  return (
    <form onSubmit={submit} aria-label="Two-step sign-in" data-testid="totp-form">
      <Stack>
        <Text size="sm">
          {useRecovery
            ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.'
            : 'Open your authenticator app and enter the code it shows for PI Studio.'}
        </Text>
        {signIn.error ? (
          <Alert color="red" role="alert" data-testid="totp-error">
            {signInStepError(signIn.error)}
          </Alert>
        ) : null}
        {useRecovery ? (
          <TextInput
            label="Recovery code"
            autoComplete="off"
            required
            autoFocus
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.currentTarget.value)}
            data-testid="recovery-code-input"
          />
        ) : (
          <CodeField value={code} onChange={setCode} autoFocus />
        )}
        {expired ? (
          <Button onClick={onRestart} fullWidth data-testid="totp-restart">
            Sign in again
          </Button>
        ) : (
          <Button
            type="submit"
            loading={signIn.isPending}
            disabled={useRecovery ? !recoveryCode.trim() : code.length !== 6}
            fullWidth
            data-testid="totp-submit"
          >
            Verify and sign in
          </Button>
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            signIn.reset();
            setUseRecovery(!useRecovery);
          }}
          data-testid="totp-toggle-recovery"
        >
          {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          Back to email and password
        </Anchor>
      </Stack>
    </form>
  );
}

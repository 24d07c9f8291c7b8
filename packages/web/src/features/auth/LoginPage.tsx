import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError } from '../../lib/errors.ts';
import { isSignInStep, type SignInStep } from './api.ts';
import { PasswordSignIn, SsoButton, SsoErrorAlert } from './SsoButton.tsx';
import { TotpCodeStep } from './TotpCodeStep.tsx';
import { TotpEnrolmentStep } from './TotpEnrolmentStep.tsx';
import { useLogin } from './use-login.ts';

function loginError(err: unknown): string {
  if (isApiError(err, 401)) return 'Email or password is not correct.';
  if (isApiError(err, 429)) return err.message || 'Too many attempts. Wait a few minutes and try again.';
  return errorMessage(err);
}

const STEP_TITLES: Record<SignInStep['next'], string> = {
  totp: 'Two-step sign-in',
  totp_enrolment: 'Set up two-step sign-in',
};

/** Email and password, then — when the account or the studio's policy asks for it — a code from an app. */
export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<SignInStep | null>(null);
  const login = useLogin();
  const fieldError = (name: string) => (isApiError(login.error) ? login.error.fieldError(name) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (res) => {
          if (!isSignInStep(res)) return;
          setPassword('');
          setStep(res);
        },
      },
    );
  };
  const restart = () => {
    login.reset();
    setStep(null);
  };

  if (step) {
    return (
      <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={step.next === 'totp' ? 380 : 440} maw="100%">
          <Stack>
            <div>
              <Title order={2}>{STEP_TITLES[step.next]}</Title>
              <Text c="dimmed" size="sm">
                {email.trim()}
              </Text>
            </div>
            {step.next === 'totp' ? (
              <TotpCodeStep challenge={step.challenge} onRestart={restart} />
            ) : (
              <TotpEnrolmentStep challenge={step.challenge} onRestart={restart} />
            )}
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380} maw="100%">
        <form onSubmit={submit} aria-label="Sign in" data-testid="login-form">
          <Stack>
            <div>
              <Title order={2}>PI Studio</Title>
              <Text c="dimmed" size="sm">
                Sign in to the product-innovation studio
              </Text>
            </div>
            <SsoErrorAlert />
            <SsoButton />
            {login.error ? (
              <Alert color="red" role="alert" data-testid="login-error">
                {loginError(login.error)}
              </Alert>
            ) : null}
            <PasswordSignIn>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldError('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                Sign in
              </Button>
            </PasswordSignIn>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

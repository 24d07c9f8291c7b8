import { Alert, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import type { RequireTotp, SignInSettings } from './api.ts';
import { useSaveSignInSettings } from './use-save-sign-in-settings.ts';

const CHOICES: { value: RequireTotp; label: string; description: string }[] = [
  { value: 'off', label: 'Optional', description: 'Anyone may turn on two-step sign-in in their account.' },
  {
    value: 'admins',
    label: 'Required for administrators',
    description: 'Administrators without an authenticator app set one up at their next sign-in.',
  },
  {
    value: 'everyone',
    label: 'Required for everyone',
    description: 'Everyone signing in with a password sets up an authenticator app at their next sign-in.',
  },
];

/** Who must use an authenticator app when signing in with a password. */
export function TwoStepPolicyCard({ settings }: { settings: SignInSettings }) {
  const save = useSaveSignInSettings();
  const [choice, setChoice] = useState<RequireTotp>(settings.requireTotp);
  useEffect(() => setChoice(settings.requireTotp), [settings.requireTotp]);
  const changed = choice !== settings.requireTotp;

  const submit = () =>
    save.mutate({ ...settings, requireTotp: choice }, { onSuccess: () => notifySuccess('Sign-in settings saved') });

  return (
    <Card withBorder data-testid="two-step-policy">
      <Stack maw={640}>
        <div>
          <Title order={4}>Two-step sign-in</Title>
          <Text size="sm" c="dimmed">
            A code from an authenticator app (Microsoft Authenticator, Google Authenticator, 1Password…) after the
            password. People who are signed in now stay signed in; the rule applies from their next sign-in.
          </Text>
        </div>
        <FormError error={save.error} fields={['requireTotp']} testId="two-step-policy-error" />
        <Radio.Group value={choice} onChange={(v) => setChoice(v as RequireTotp)} label="Who must use it">
          <Stack gap="sm" mt="xs">
            {CHOICES.map((c) => (
              <Radio
                key={c.value}
                value={c.value}
                label={c.label}
                description={c.description}
                data-testid={`require-totp-${c.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {choice !== 'off' && changed ? (
          <Alert color="blue" variant="light">
            Before you save, make sure you can still sign in: set up two-step sign-in for your own account first (My
            account → Two-step sign-in). API tokens keep working without a code.
          </Alert>
        ) : null}
        <Group>
          <Button onClick={submit} disabled={!changed} loading={save.isPending} data-testid="two-step-policy-save">
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

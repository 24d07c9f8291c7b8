import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** The generated password is in this one response only; the server keeps just its hash. */
export function InitialPasswordAlert({ email, password }: { email: string; password: string }) {
  return (
    <Alert color="yellow" title="Initial password — shown once" data-testid="initial-password-alert">
      <Stack gap="xs">
        <Text size="sm">
          Give this password to {email} now. It cannot be shown again; they should change it after signing in.
        </Text>
        <Group gap="xs">
          <Code fz="md" data-testid="initial-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

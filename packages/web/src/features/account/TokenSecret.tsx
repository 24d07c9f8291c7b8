import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** The secret exists only in the create response; once this closes nobody can read it again. */
export function TokenSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy this token now">
        <Text size="sm">
          It will not be shown again. Store it in your password manager or CI secret store; use it as{' '}
          <Code>Authorization: Bearer &lt;token&gt;</Code>.
        </Text>
      </Alert>
      <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {secret}
      </Code>
      <Group justify="space-between">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="token-copy">
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone} data-testid="token-secret-done">
          I have stored it
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';

function download(codes: string[]) {
  const text = `PI Studio recovery codes\nEach code signs you in once when you do not have your authenticator app.\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'pi-studio-recovery-codes.txt';
  a.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes exist in this one response only: the person must confirm they saved them before moving on. */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const [saved, setSaved] = useState(false);
  return (
    <Stack data-testid="recovery-codes">
      <Alert color="yellow" title="Save your recovery codes">
        <Text size="sm">
          If you lose your phone, each of these codes signs you in once instead of a code from the app. They will not be
          shown again: keep them in your password manager or print them.
        </Text>
      </Alert>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        {codes.map((c) => (
          <Text key={c} ff="monospace" size="md" data-testid="recovery-code">
            {c}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="recovery-codes-copy">
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => download(codes)} data-testid="recovery-codes-download">
          Download as text file
        </Button>
      </Group>
      <Checkbox
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
        data-testid="recovery-codes-saved"
      />
      <Group justify="flex-end">
        <Button disabled={!saved} onClick={onDone} data-testid="recovery-codes-done">
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}

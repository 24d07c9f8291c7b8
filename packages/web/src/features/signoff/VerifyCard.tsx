// The chain's verification: every record's hash and link recomputed, and every signed story compared with what it
// says now. A failure names each broken record and each story changed since it was signed.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '../../ui/QueryState.tsx';
import { changedLine, verifyLine } from './format.ts';
import { useVerifySignoffs } from './queries.ts';

export function VerifyCard({ code }: { code: string }) {
  const verify = useVerifySignoffs(code);
  return (
    <Card withBorder radius="md" component="section" aria-label="Verification" data-testid="signoff-verify">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={5}>Verification</Title>
        <Button
          size="compact-sm"
          variant="light"
          className="uat-tap"
          loading={verify.isFetching}
          onClick={() => void verify.refetch()}
          data-testid="signoff-verify-again"
        >
          Verify again
        </Button>
      </Group>
      <QueryState query={verify} testId="signoff-verify">
        {(v) => (
          <Stack gap="xs">
            <Alert
              color={v.ok ? 'green' : 'red'}
              variant="light"
              p="xs"
              data-testid="signoff-verify-result"
              data-ok={v.ok}
            >
              {verifyLine(v)}
            </Alert>
            {v.broken.length ? (
              <List size="sm" data-testid="signoff-broken">
                {v.broken.map((b) => (
                  <List.Item key={`${b.key}:${b.reason}`} className="uat-wrap">
                    {b.key}: {b.reason}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {v.changedSinceSignoff.length ? (
              <>
                <Text size="sm" fw={500}>
                  Signed stories changed since
                </Text>
                <List size="sm" data-testid="signoff-changed">
                  {v.changedSinceSignoff.map((c) => (
                    <List.Item key={`${c.signoff}:${c.storyKey}`} className="uat-wrap">
                      {changedLine(c)}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

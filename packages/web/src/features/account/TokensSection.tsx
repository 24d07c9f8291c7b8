import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { confirmThen } from '../../ui/confirm.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { ApiToken } from './api.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { useTokens } from './queries.ts';
import { TokensTable } from './TokensTable.tsx';
import { useRevokeToken } from './use-revoke-token.ts';

export function TokensSection() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);

  const askRevoke = (token: ApiToken) =>
    confirmThen(
      {
        title: `Revoke “${token.name}”`,
        message:
          'Anything still using this token (CLI, CI, integrations) stops working at once. This cannot be undone.',
        confirmLabel: 'Revoke token',
        danger: true,
      },
      () =>
        revoke.mutate(token.id, {
          onSuccess: () => notifySuccess(`Token “${token.name}” revoked`),
          onError: (err) => notifyError(err),
        }),
    );

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>API tokens</Title>
            <Text size="sm" c="dimmed">
              For the CLI, CI and integrations. A token acts as you, limited to its scopes.
            </Text>
          </div>
          <Button onClick={() => setCreating(true)} data-testid="token-new">
            New token
          </Button>
        </Group>
        <QueryState
          query={tokens}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle="No API tokens"
          emptyDescription="Create one to use the pistudio CLI or the API from scripts."
          testId="tokens"
        >
          {(data) => (
            <TokensTable
              tokens={data.items}
              revokingId={revoke.isPending ? (revoke.variables ?? null) : null}
              onRevoke={askRevoke}
            />
          )}
        </QueryState>
      </Stack>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

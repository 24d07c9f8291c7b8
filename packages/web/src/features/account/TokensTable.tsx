import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { tokenScopeLabel } from '../../lib/labels.ts';
import type { ApiToken } from './api.ts';

function TokenStatus({ token, now }: { token: ApiToken; now: number }) {
  if (token.revokedAt)
    return (
      <Badge color="red" title={`Revoked ${formatDateTime(token.revokedAt)}`}>
        revoked
      </Badge>
    );
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return <Badge color="gray">expired</Badge>;
  return <Badge color="green">active</Badge>;
}

type Props = { tokens: ApiToken[]; revokingId: string | null; onRevoke: (token: ApiToken) => void };

export function TokensTable({ tokens, revokingId, onRevoke }: Props) {
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Prefix</Table.Th>
            <Table.Th miw={150}>Scopes</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th miw={90}>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => (
            <Table.Tr key={t.id} data-testid={`token-row-${t.name}`}>
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>
                <Code>{t.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {t.scopes.map((s) => (
                    <Badge key={s} variant="light" size="sm" tt="none">
                      {tokenScopeLabel(s)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
              <Table.Td title={t.lastUsedAt ?? undefined}>
                {t.lastUsedAt ? formatRelative(t.lastUsedAt) : <Text c="dimmed">never</Text>}
              </Table.Td>
              <Table.Td>{t.expiresAt ? formatDateTime(t.expiresAt) : <Text c="dimmed">never</Text>}</Table.Td>
              <Table.Td>
                <TokenStatus token={t} now={now} />
              </Table.Td>
              <Table.Td ta="right">
                {!t.revokedAt && (
                  <Button
                    size="compact-xs"
                    color="red"
                    variant="light"
                    loading={revokingId === t.id}
                    onClick={() => onRevoke(t)}
                    data-testid="token-revoke"
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

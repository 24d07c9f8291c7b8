// UAT in a few words on the product page: the latest session's status and counts, and the way to all sessions.
import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../lib/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/Links.tsx';
import { countsLine, newestFirst, plural } from './format.ts';
import { useUatSessions } from './queries.ts';
import { SessionStatusBadge } from './UatBadges.tsx';

export function UatSummaryCard({ code }: { code: string }) {
  const sessions = useUatSessions(code);
  const latest = sessions.data ? newestFirst(sessions.data)[0] : undefined;
  return (
    <Card withBorder radius="md" component="section" aria-label="UAT" data-testid="uat-summary">
      <Group justify="space-between" mb="xs">
        <Title order={5}>UAT</Title>
        <ButtonLink to="/products/$code/uat" params={{ code }} size="compact-sm" variant="light" data-testid="open-uat">
          Open UAT
        </ButtonLink>
      </Group>
      {sessions.isPending ? (
        <Skeleton h={32} aria-label="Loading UAT sessions" />
      ) : sessions.isError ? (
        <Text size="sm" c="red">
          UAT sessions could not be read: {errorMessage(sessions.error)}
        </Text>
      ) : !latest ? (
        <Text size="sm" c="dimmed">
          No UAT sessions yet.
        </Text>
      ) : (
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <AnchorLink to="/products/$code/uat/$key" params={{ code, key: latest.key }} size="sm" fw={500}>
              {latest.key} · {latest.title}
            </AnchorLink>
            <SessionStatusBadge status={latest.status} size="sm" />
          </Group>
          <Text size="sm">{countsLine(latest.counts)}</Text>
          {sessions.data.length > 1 ? (
            <Text size="xs" c="dimmed">
              {plural(sessions.data.length, 'session')} in all
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

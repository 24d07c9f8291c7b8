// The plan's saved versions, newest first: who saved each, when, and how many events (live) it held.
import { Card, List, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useVersions } from './queries.ts';

export function VersionsList({ code }: { code: string }) {
  const versions = useVersions(code);
  return (
    <Card withBorder radius="md" component="section" aria-label="Version history" data-testid="plan-versions">
      <Title order={4} mb="xs">
        Version history
      </Title>
      <QueryState
        query={versions}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle="No version saved yet"
        testId="plan-versions"
      >
        {(d) => (
          <List size="sm" spacing={4}>
            {d.items.map((v) => (
              <List.Item key={v.version} data-testid="plan-version">
                <Text span size="sm" fw={600}>
                  Version {v.version}
                </Text>
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {v.eventCount} {v.eventCount === 1 ? 'event' : 'events'} ({v.liveCount} live) · saved by{' '}
                  {v.createdBy?.name ?? 'a removed account'} on {formatDateTime(v.createdAt)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </QueryState>
    </Card>
  );
}

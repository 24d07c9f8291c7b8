// The figures of a started sprint in one row: commitment done, scope added after the start, scope surprises and
// clarifications. What went against the plan is shown in orange.
import { Group, Stack, Text } from '@mantine/core';
import type { Sprint } from '../api.ts';
import { sprintMetricLines } from './metrics.ts';

export function SprintMetrics({ sprint }: { sprint: Sprint }) {
  const lines = sprintMetricLines(sprint);
  if (lines.length === 0) return null;
  return (
    <Group gap="lg" mt="xs" data-testid="sprint-metrics" wrap="wrap">
      {lines.map((l) => (
        <Stack key={l.label} gap={0} data-testid="sprint-metric" data-label={l.label}>
          <Text size="xs" c="dimmed">
            {l.label}
          </Text>
          <Text size="sm" fw={600} c={l.warn ? 'orange.8' : undefined}>
            {l.value}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

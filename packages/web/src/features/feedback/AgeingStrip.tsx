// The inbox's summary strip: how many items wait for triage and for how long (under 2 days, 2–7, over 7, the
// oldest), what became of the rest, and where feedback came from.
import { Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '@pi-studio/core/contract/feedback';
import { errorMessage } from '../../lib/errors.ts';
import { AGE_COLOR, ageingLine, ageSegments, SOURCE_LABEL, STATUS_LABEL } from './format.ts';
import { useFeedbackSummary } from './queries.ts';
import { SourceIcon } from './SourceBadge.tsx';

export function AgeingStrip({ code }: { code: string }) {
  const summary = useFeedbackSummary(code);
  if (summary.isPending) return <Skeleton h={64} radius="md" aria-label="Loading the feedback summary" />;
  if (summary.isError) {
    return (
      <Text size="sm" c="red" data-testid="feedback-summary-error">
        The summary could not be read: {errorMessage(summary.error)}
      </Text>
    );
  }
  const s = summary.data;
  const triaged = FEEDBACK_STATUSES.filter((st) => st !== 'new' && s.byStatus[st] > 0);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-label="Feedback summary"
      data-testid="feedback-summary"
    >
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600} data-testid="feedback-ageing">
            {ageingLine(s.untriaged)}
          </Text>
          {s.untriaged.total > 0
            ? ageSegments(s.untriaged).map((seg) => (
                <Badge
                  key={seg.bucket}
                  variant={seg.count > 0 ? 'light' : 'outline'}
                  color={AGE_COLOR[seg.bucket]}
                  tt="none"
                  data-testid="feedback-age-bucket"
                  data-bucket={seg.bucket}
                >
                  {seg.label}: {seg.count}
                </Badge>
              ))
            : null}
        </Group>
        {s.total > 0 ? (
          <Group gap="md" wrap="wrap">
            <Text size="xs" c="dimmed" data-testid="feedback-by-status">
              {s.total} in all
              {triaged.map((st) => ` · ${STATUS_LABEL[st]} ${s.byStatus[st]}`).join('')}
            </Text>
            <Group gap="sm" wrap="wrap" aria-label="By source">
              {FEEDBACK_SOURCES.filter((src) => s.bySource[src] > 0).map((src) => (
                <Group key={src} gap={4} wrap="nowrap" data-testid="feedback-by-source" data-source={src}>
                  <SourceIcon source={src} size={14} />
                  <Text size="xs" c="dimmed">
                    {SOURCE_LABEL[src]} {s.bySource[src]}
                  </Text>
                </Group>
              ))}
            </Group>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

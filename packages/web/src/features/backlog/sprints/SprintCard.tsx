// One sprint: its state and facts, the start/end actions, its figures once started (commitment, scope added after
// the start, scope surprises, clarifications), its stories, and its clarification log.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import type { Sprint } from '../api.ts';
import { plural, SPRINT_STATUS_COLOR, SPRINT_STATUS_LABEL } from '../format.ts';
import { useRequirements, useSprintStories } from '../queries.ts';
import type { EditorTarget } from '../StoryEditor.tsx';
import { StoryRow } from '../StoryRow.tsx';
import { useEndSprint } from '../use-end-sprint.ts';
import { useStartSprint } from '../use-start-sprint.ts';
import { Clarifications } from './Clarifications.tsx';
import { SprintMetrics } from './SprintMetrics.tsx';

export type CardProps = {
  code: string;
  sprint: Sprint;
  canWrite: boolean;
  onOpen: (target: EditorTarget) => void;
  expanded?: boolean;
  otherActive?: boolean;
  onAddStories: (sprint: Sprint) => void;
};

export function SprintCard({
  code,
  sprint: s,
  canWrite,
  onOpen,
  expanded = false,
  otherActive = false,
  onAddStories,
}: CardProps) {
  const [open, setOpen] = useState(expanded);
  const [asking, setAsking] = useState(false);
  const start = useStartSprint(code);
  const end = useEndSprint(code);
  const requirements = useRequirements(code);
  const stories = useSprintStories(code, s.id, open);
  const baseline = requirements.data?.baseline;

  return (
    <Card
      withBorder
      radius="md"
      data-testid={s.status === 'active' ? 'active-sprint' : 'sprint'}
      data-status={s.status}
      style={s.status === 'active' ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={4} data-testid="sprint-name">
              {s.name}
            </Title>
            <Badge
              variant="light"
              color={SPRINT_STATUS_COLOR[s.status]}
              style={{ textTransform: 'none' }}
              data-testid="sprint-status"
            >
              {SPRINT_STATUS_LABEL[s.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" data-testid="sprint-facts">
            {sprintFacts(s)}
          </Text>
        </Stack>
        {canWrite && s.status === 'planned' ? (
          <ConfirmButton
            size="xs"
            loading={start.isPending}
            disabled={otherActive}
            confirm={{
              title: `Start ${s.name}?`,
              message: `Starting records the baseline, ${baseline ? `PRD version ${baseline.version}` : 'no PRD version (the PRD has not passed the gate)'}, and commits the ${plural(s.storyCount, 'story', 'stories')} now in the sprint. Stories added later count as scope added after the start.`,
              confirmLabel: 'Start sprint',
            }}
            onConfirm={() =>
              start.mutate(s.id, {
                onSuccess: (started) =>
                  notifySuccess(
                    `${started.name} started with ${plural(started.committedStoryIds.length, 'committed story', 'committed stories')}.`,
                    'Sprint started',
                  ),
                onError: (err) => notifyError(err, 'Sprint not started'),
              })
            }
            data-testid="start-sprint"
          >
            Start
          </ConfirmButton>
        ) : null}
        {canWrite && s.status === 'active' ? (
          <ConfirmButton
            size="xs"
            variant="default"
            loading={end.isPending}
            confirm={{
              title: `End ${s.name}?`,
              message: `The sprint ends now, with the stories as they stand. It committed to ${plural(s.committedStoryIds.length, 'story', 'stories')}.`,
              confirmLabel: 'End sprint',
            }}
            onConfirm={() =>
              end.mutate(s.id, {
                onSuccess: (ended) => notifySuccess(`${ended.name} ended.`, 'Sprint ended'),
                onError: (err) => notifyError(err, 'Sprint not ended'),
              })
            }
            data-testid="end-sprint"
          >
            End sprint
          </ConfirmButton>
        ) : null}
      </Group>
      {canWrite && s.status === 'planned' && otherActive ? (
        <Text size="xs" c="dimmed" mt={4}>
          One sprint runs at a time: end the active sprint to start this one.
        </Text>
      ) : null}
      <SprintMetrics sprint={s} />
      <Group gap="xs" mt="xs">
        {s.storyCount > 0 ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            data-testid="sprint-toggle-stories"
          >
            {open ? 'Hide its stories' : `Show its ${plural(s.storyCount, 'story', 'stories')}`}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            No stories in it yet.
          </Text>
        )}
        {canWrite && s.status !== 'ended' ? (
          <Button size="compact-xs" variant="subtle" onClick={() => onAddStories(s)} data-testid="sprint-add-stories">
            Add stories
          </Button>
        ) : null}
        {s.status !== 'planned' ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setAsking((o) => !o)}
            aria-expanded={asking}
            data-testid="sprint-toggle-clarifications"
          >
            {asking ? 'Hide the clarification log' : 'Clarification log'}
          </Button>
        ) : null}
      </Group>
      {open && s.storyCount > 0 ? (
        <QueryState query={stories} testId="sprint-stories">
          {(page) => (
            <Stack gap={6} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {page.items.map((story) => (
                <Group key={story.id} gap={4} wrap="nowrap" align="stretch">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <StoryRow story={story} onOpen={() => onOpen({ key: story.key })} />
                  </div>
                  {s.committedStoryIds.length > 0 && !s.committedStoryIds.includes(story.id) ? (
                    <Badge color="orange" variant="light" style={{ textTransform: 'none', alignSelf: 'center' }}>
                      Added after the start
                    </Badge>
                  ) : null}
                </Group>
              ))}
              {page.nextCursor ? (
                <Text size="xs" c="dimmed">
                  The first {page.items.length} are shown; filter the stories list by this sprint to see all.
                </Text>
              ) : null}
            </Stack>
          )}
        </QueryState>
      ) : null}
      {asking ? (
        <Stack mt="sm">
          <Clarifications code={code} sprint={s} canWrite={canWrite} />
        </Stack>
      ) : null}
    </Card>
  );
}

/** "3 stories · started 7 Dec 2026, 10:02 on PRD version 1.0 · 3 committed". */
function sprintFacts(s: Sprint): string {
  const parts = [plural(s.storyCount, 'story', 'stories')];
  if (s.startedAt) {
    const on = s.baseline ? ` on PRD version ${s.baseline.version}` : ' with no PRD baseline';
    parts.push(`started ${formatDateTime(s.startedAt)}${on}`);
    parts.push(`${s.committedStoryIds.length} committed`);
  } else parts.push(`planned ${formatDateTime(s.createdAt)}`);
  if (s.endedAt) parts.push(`ended ${formatDateTime(s.endedAt)}`);
  return parts.join(' · ');
}

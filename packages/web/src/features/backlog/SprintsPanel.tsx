// Sprints: plan one by name, start it (the server records the PRD baseline and the stories it commits to), end it.
// The active sprint comes first with its stories; stories join a sprint from the story editor.
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Sprint } from './api.ts';
import { plural, SPRINT_STATUS_COLOR, SPRINT_STATUS_LABEL } from './format.ts';
import { useRequirements, useSprintStories, useSprints } from './queries.ts';
import { StoryRow } from './StoriesPanel.tsx';
import type { EditorTarget } from './StoryEditor.tsx';
import { useCreateSprint } from './use-create-sprint.ts';
import { useEndSprint } from './use-end-sprint.ts';
import { useStartSprint } from './use-start-sprint.ts';

type Props = { code: string; canWrite: boolean; onOpen: (target: EditorTarget) => void };

export function SprintsPanel({ code, canWrite, onOpen }: Props) {
  const sprints = useSprints(code);
  const active = sprints.data?.find((s) => s.status === 'active') ?? null;
  return (
    <Stack gap="md" data-testid="sprints-panel">
      {canWrite ? <NewSprintForm code={code} /> : null}
      {active ? <SprintCard code={code} sprint={active} canWrite={canWrite} onOpen={onOpen} expanded /> : null}
      <QueryState
        query={sprints}
        testId="sprints"
        isEmpty={(list) => list.length === 0}
        emptyTitle="No sprints yet"
        emptyDescription="Plan a sprint by name, put stories in it from the story editor, then start it: the start records the PRD baseline and the stories the sprint commits to."
      >
        {(list) => (
          <Stack gap="xs">
            {list
              .filter((s) => s.status !== 'active')
              .map((s) => (
                <SprintCard
                  key={s.id}
                  code={code}
                  sprint={s}
                  canWrite={canWrite}
                  onOpen={onOpen}
                  otherActive={active !== null}
                />
              ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function NewSprintForm({ code }: { code: string }) {
  const [name, setName] = useState('');
  const create = useCreateSprint(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (s) => {
        setName('');
        notifySuccess(`${s.name} planned. Put stories in it from the story editor, then start it.`, 'Sprint planned');
      },
    });
  };
  return (
    <form onSubmit={submit} data-testid="new-sprint-form">
      <Stack gap={6}>
        <FormError error={create.error} fields={['name']} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="New sprint"
            placeholder="Sprint 1"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            maxLength={120}
            style={{ flex: 1 }}
            data-testid="new-sprint-name"
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="new-sprint-save">
            Plan sprint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type CardProps = {
  code: string;
  sprint: Sprint;
  canWrite: boolean;
  onOpen: (target: EditorTarget) => void;
  expanded?: boolean;
  otherActive?: boolean;
};

function SprintCard({ code, sprint: s, canWrite, onOpen, expanded = false, otherActive = false }: CardProps) {
  const [open, setOpen] = useState(expanded);
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
      {s.storyCount > 0 ? (
        <Button
          size="compact-xs"
          variant="subtle"
          mt="xs"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="sprint-toggle-stories"
          style={{ alignSelf: 'flex-start' }}
        >
          {open ? 'Hide its stories' : `Show its ${plural(s.storyCount, 'story', 'stories')}`}
        </Button>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          No stories in it yet: choose this sprint in a story's editor.
        </Text>
      )}
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

// The stories and bugs: filters (status, type, sprint, requirement) in the address, one page of 100 at a time along
// the API's cursor (a 10,000-story backlog never puts more than a page in the DOM), each row opening the editor.
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { STORY_STATUSES, STORY_TYPES } from '@pi-studio/core/contract/backlog';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Requirement, Story, StoryFilters } from './api.ts';
import { currentRequirements, plural, STORY_STATUS_LABEL, STORY_TYPE_LABEL } from './format.ts';
import { useSprints, useStoryPage } from './queries.ts';
import { requirementOptions } from './requirement-options.ts';
import { StatusBadge, TypeBadge } from './StoryBadges.tsx';
import type { EditorTarget } from './StoryEditor.tsx';
import { useGenerateStories } from './use-generate-stories.ts';

type Props = {
  code: string;
  filters: StoryFilters;
  onFilters: (filters: StoryFilters) => void;
  requirements: readonly Requirement[];
  canWrite: boolean;
  onOpen: (target: EditorTarget) => void;
};

export function StoriesPanel({ code, filters, onFilters, requirements, canWrite, onOpen }: Props) {
  const active: StoryFilters = {
    status: filters.status,
    type: filters.type,
    sprint: filters.sprint,
    requirement: filters.requirement,
  };
  const filterKey = JSON.stringify(active);
  // The cursors of the pages before this one: Previous pops, Next pushes; a new filter starts again at page 1.
  const [paging, setPaging] = useState<{ filterKey: string; cursors: (string | undefined)[] }>({
    filterKey,
    cursors: [undefined],
  });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [undefined];
  const setCursors = (next: (string | undefined)[]) => setPaging({ filterKey, cursors: next });
  const cursor = cursors[cursors.length - 1];
  const page = useStoryPage(code, active, cursor);
  const sprints = useSprints(code);
  const generate = useGenerateStories(code);
  const gaps = currentRequirements(requirements).filter((r) => r.storyCount === 0);
  const filtered = Object.values(active).some(Boolean);

  const set = (patch: Partial<StoryFilters>) => onFilters({ ...active, ...patch });
  const sprintOptions = [
    { value: 'none', label: 'In no sprint' },
    ...(sprints.data ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Stack gap="md" data-testid="stories-panel">
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          {canWrite ? (
            <>
              <Button onClick={() => onOpen({ newType: 'story' })} data-testid="new-story">
                New story
              </Button>
              <Button variant="default" onClick={() => onOpen({ newType: 'bug' })} data-testid="new-bug">
                New bug
              </Button>
            </>
          ) : null}
        </Group>
        {canWrite && gaps.length > 0 ? (
          <ConfirmButton
            variant="light"
            loading={generate.isPending}
            confirm={{
              title: 'Generate draft stories?',
              message: `${plural(gaps.length, 'draft story', 'draft stories')} will be created, one for each requirement without a story. Each starts in Backlog with its narrative and Gherkin prefilled from the requirement.`,
              confirmLabel: `Create ${plural(gaps.length, 'story', 'stories')}`,
            }}
            onConfirm={() =>
              generate.mutate(undefined, {
                onSuccess: (s) =>
                  notifySuccess(`${plural(s.length, 'draft story', 'draft stories')} created.`, 'Stories generated'),
                onError: (err) => notifyError(err, 'No stories generated'),
              })
            }
            data-testid="generate-stories"
          >
            Generate draft stories ({gaps.length})
          </ConfirmButton>
        ) : null}
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="story-filters">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={STORY_STATUSES.map((s) => ({ value: s, label: STORY_STATUS_LABEL[s] }))}
          value={active.status ?? null}
          onChange={(v) => set({ status: (v as StoryFilters['status']) ?? undefined })}
          data-testid="filter-status"
        />
        <Select
          label="Type"
          placeholder="Stories and bugs"
          clearable
          data={STORY_TYPES.map((t) => ({ value: t, label: STORY_TYPE_LABEL[t] }))}
          value={active.type ?? null}
          onChange={(v) => set({ type: (v as StoryFilters['type']) ?? undefined })}
          data-testid="filter-type"
        />
        <Select
          label="Sprint"
          placeholder="Any sprint"
          clearable
          data={sprintOptions}
          value={active.sprint ?? null}
          onChange={(v) => set({ sprint: v ?? undefined })}
          data-testid="filter-sprint"
        />
        <Select
          label="Requirement"
          placeholder="Any requirement"
          clearable
          searchable
          data={requirementOptions(requirements)}
          value={active.requirement ?? null}
          onChange={(v) => set({ requirement: v ?? undefined })}
          data-testid="filter-requirement"
          comboboxProps={{ width: 'target', position: 'bottom-start' }}
        />
      </SimpleGrid>

      <QueryState
        query={page}
        testId="stories"
        isEmpty={(p) => p.items.length === 0 && cursors.length === 1}
        emptyTitle={filtered ? 'No stories match these filters' : 'No stories yet'}
        emptyDescription={
          filtered
            ? 'Clear a filter to see more.'
            : gaps.length > 0
              ? `Generate draft stories for the ${plural(gaps.length, 'requirement')} without one, or add a story or a bug by hand.`
              : 'Sync the requirements from the PRD and generate draft stories, or add a story or a bug by hand.'
        }
      >
        {(p) => (
          <Stack gap="xs">
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Stories">
              {p.items.map((s) => (
                <StoryRow key={s.id} story={s} onOpen={() => onOpen({ key: s.key })} />
              ))}
            </Stack>
            {cursors.length > 1 || p.nextCursor ? (
              <Group justify="space-between" gap="xs">
                <Text size="xs" c="dimmed" data-testid="stories-page">
                  Page {cursors.length} · {plural(p.items.length, 'item')}
                  {page.isFetching ? ' · loading…' : ''}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={cursors.length === 1}
                    onClick={() => setCursors(cursors.slice(0, -1))}
                    data-testid="stories-previous"
                  >
                    Previous
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!p.nextCursor}
                    onClick={() => setCursors([...cursors, p.nextCursor ?? undefined])}
                    data-testid="stories-next"
                  >
                    Next
                  </Button>
                </Group>
              </Group>
            ) : (
              <Text size="xs" c="dimmed" data-testid="stories-page">
                {plural(p.items.length, 'item')}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

export function StoryRow({ story: s, onOpen }: { story: Story; onOpen: () => void }) {
  return (
    <Paper component="li" withBorder radius="md" data-testid="story-row" data-key={s.key}>
      <UnstyledButton
        onClick={onOpen}
        p="sm"
        w="100%"
        aria-label={`${s.key}: ${s.title}`}
        style={{ display: 'block', borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Text ff="monospace" size="xs" c="dimmed">
              {s.key}
            </Text>
            <TypeBadge type={s.type} />
            <StatusBadge status={s.status} />
            {s.priority ? (
              <Badge size="sm" variant="outline" color="indigo" style={{ textTransform: 'none' }}>
                {s.priority}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" fw={500} data-testid="story-title">
            {s.title}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              s.requirements.length > 0
                ? `Builds ${s.requirements.map((r) => r.key).join(', ')}`
                : 'Linked to no requirement',
              s.sprint ? `Sprint: ${s.sprint.name}` : 'In no sprint',
              s.estimate === null ? 'Not estimated' : `Estimate ${s.estimate}`,
            ].join(' · ')}
          </Text>
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}

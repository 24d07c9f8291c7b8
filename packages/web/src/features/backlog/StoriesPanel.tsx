// The stories and bugs: filters (status, type, sprint, requirement) and the view (list or board) in the address.
// The list holds every story that matches, loaded along the API's cursor as it scrolls and virtualised, so a
// 10,000-story backlog keeps a few dozen rows in the DOM; people who may write select rows and change their status,
// sprint or priority together. The board shows a column per status (StoryBoard). Every row or card opens the editor.
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { STORY_STATUSES, STORY_TYPES } from '@pi-studio/core/contract/backlog';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { confirmAction } from '../../ui/confirm.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { Requirement, StoryFilters } from './api.ts';
import { type BulkChange, BulkEditBar } from './BulkEditBar.tsx';
import { currentRequirements, plural, STORY_STATUS_LABEL, STORY_TYPE_LABEL } from './format.ts';
import { useSprints } from './queries.ts';
import { requirementOptions } from './requirement-options.ts';
import { StoryBoard } from './StoryBoard.tsx';
import type { EditorTarget } from './StoryEditor.tsx';
import type { StoriesView } from './search.ts';
import { BULK_CONFIRM_OVER, countOf, loadedLabel, selectAllState } from './stories-view.ts';
import { BulkStopped, useBulkUpdate } from './use-bulk-update.ts';
import { useGenerateStories } from './use-generate-stories.ts';
import { useStoryInfinite } from './use-story-infinite.ts';
import { VirtualStoryList } from './VirtualStoryList.tsx';

// The sprint view and the requirements panel list stories with the same row.
export { StoryRow } from './StoryRow.tsx';

type StoriesSearch = StoryFilters & { view?: StoriesView };

type Props = {
  code: string;
  filters: StoriesSearch;
  onFilters: (filters: StoriesSearch) => void;
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
  const view: StoriesView = filters.view ?? 'list';
  const board = view === 'board';
  const sprints = useSprints(code);
  const generate = useGenerateStories(code);
  const gaps = currentRequirements(requirements).filter((r) => r.storyCount === 0);

  const set = (patch: Partial<StoriesSearch>) => onFilters({ ...active, view: filters.view, ...patch });
  const sprintOptions = [
    { value: 'none', label: 'In no sprint' },
    ...(sprints.data ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Stack gap="md" data-testid="stories-panel">
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <SegmentedControl
            data={[
              { value: 'list', label: 'List' },
              { value: 'board', label: 'Board' },
            ]}
            value={view}
            onChange={(v) => set({ view: v === 'board' ? 'board' : undefined })}
            aria-label="Show the stories as"
            data-testid="stories-view"
          />
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

      <SimpleGrid cols={{ base: 2, sm: board ? 3 : 4 }} spacing="xs" data-testid="story-filters">
        {/* On the board the columns are the statuses, so it has no status filter. */}
        {board ? null : (
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={STORY_STATUSES.map((s) => ({ value: s, label: STORY_STATUS_LABEL[s] }))}
            value={active.status ?? null}
            onChange={(v) => set({ status: (v as StoryFilters['status']) ?? undefined })}
            data-testid="filter-status"
          />
        )}
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

      {board ? (
        <StoryBoard
          code={code}
          filters={{ type: active.type, sprint: active.sprint, requirement: active.requirement }}
          canWrite={canWrite}
          onOpen={(s) => onOpen({ key: s.key })}
        />
      ) : (
        <StoryList
          code={code}
          filters={active}
          canWrite={canWrite}
          gaps={gaps.length}
          onOpen={onOpen}
          sprints={sprints.data ?? []}
        />
      )}
    </Stack>
  );
}

type ListProps = {
  code: string;
  filters: StoryFilters;
  canWrite: boolean;
  /** Requirements without a story, for the empty state's advice. */
  gaps: number;
  onOpen: (target: EditorTarget) => void;
  sprints: NonNullable<ReturnType<typeof useSprints>['data']>;
};

function StoryList({ code, filters, canWrite, gaps, onOpen, sprints }: ListProps) {
  const stories = useStoryInfinite(code, filters);
  const bulk = useBulkUpdate(code);
  const filtered = Object.values(filters).some(Boolean);
  // The selection belongs to the filters it was made under: a new filter starts with none selected.
  const filterKey = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ filterKey: string; keys: ReadonlySet<string> }>({
    filterKey,
    keys: new Set(),
  });
  const selected = selection.filterKey === filterKey ? selection.keys : new Set<string>();
  const select = (keys: ReadonlySet<string>) => setSelection({ filterKey, keys });
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (!next.delete(key)) next.add(key);
    select(next);
  };

  const items = stories.data ?? [];
  const loadedKeys = items.map((s) => s.key);
  const more = Boolean(stories.hasNextPage);
  const countLabel = `${loadedLabel(items.length, more)}${stories.isFetching && !stories.isPending ? ' · loading…' : ''}`;

  const change = async ({ patch, done }: BulkChange) => {
    const keys = [...selected];
    const many = countOf(keys.length, 'story', 'stories');
    if (
      keys.length > BULK_CONFIRM_OVER &&
      !(await confirmAction({
        title: `Change ${many}?`,
        message: `${many} will be ${done}. ${
          keys.length > 500
            ? 'They are saved in batches of 500, each all or nothing; a refused batch stops the rest.'
            : 'All of them change, or none does.'
        }`,
        confirmLabel: `Change ${many}`,
      }))
    )
      return;
    bulk.mutate(
      { keys, patch },
      {
        onSuccess: (saved) => {
          select(new Set());
          notifySuccess(`${countOf(saved.length, 'story', 'stories')} ${done}.`, 'Stories changed');
        },
        onError: (err) => {
          const stopped = err instanceof BulkStopped ? err : null;
          notifyError(
            stopped?.reason ?? err,
            stopped && stopped.saved > 0
              ? `${countOf(stopped.saved, 'story', 'stories')} of ${stopped.total} changed, then refused`
              : 'Nothing changed',
          );
        },
      },
    );
  };

  return (
    <QueryState
      query={stories}
      testId="stories"
      isEmpty={(list) => list.length === 0}
      emptyTitle={filtered ? 'No stories match these filters' : 'No stories yet'}
      emptyDescription={
        filtered
          ? 'Clear a filter to see more.'
          : gaps > 0
            ? `Generate draft stories for the ${plural(gaps, 'requirement')} without one, or add a story or a bug by hand.`
            : 'Sync the requirements from the PRD and generate draft stories, or add a story or a bug by hand.'
      }
    >
      {(list) => (
        <Stack gap="xs" style={{ opacity: stories.isPlaceholderData ? 0.6 : 1 }}>
          {canWrite ? (
            <BulkEditBar
              selected={selected.size}
              allState={selectAllState(selected, loadedKeys)}
              onSelectAll={(all) => select(all ? new Set(loadedKeys) : new Set())}
              onClear={() => select(new Set())}
              onChange={(c) => void change(c)}
              sprints={sprints.filter((s) => s.status !== 'ended')}
              busy={bulk.isPending}
              progress={bulk.progress}
              countLabel={countLabel}
            />
          ) : (
            <Text size="xs" c="dimmed" data-testid="stories-page">
              {countLabel}
            </Text>
          )}
          <VirtualStoryList
            items={list}
            hasMore={more}
            loadingMore={stories.isFetchingNextPage}
            onLoadMore={() => void stories.fetchNextPage({ cancelRefetch: false })}
            onOpen={(s) => onOpen({ key: s.key })}
            selection={canWrite ? { selected, onToggle: toggle } : undefined}
          />
          {stories.isFetchingNextPage ? (
            <Text size="xs" c="dimmed" ta="center">
              Loading more…
            </Text>
          ) : null}
        </Stack>
      )}
    </QueryState>
  );
}

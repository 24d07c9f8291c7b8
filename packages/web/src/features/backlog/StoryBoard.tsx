// The stories as a board: one column per status (in words, never the API's codes), each its own status-filtered
// query along the cursor and its own virtualised scroll box, so a column of 10,000 cards keeps a few dozen in the
// DOM. The other filters (type, sprint, requirement) apply to every column. A card opens the editor; people who may
// write move it with its "Move to…" menu, which saves against the revision the card shows (a stale one: 409, the
// notification, and the board refetches). On a phone the columns scroll sideways.
import { Badge, Button, Group, Loader, Menu, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { STORY_STATUSES } from '@pi-studio/core/contract/backlog';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { isApiError } from '../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ErrorState } from '../../ui/States.tsx';
import type { Story, StoryFilters, StoryStatus } from './api.ts';
import { STORY_STATUS_COLOR, STORY_STATUS_LABEL } from './format.ts';
import { TypeBadge } from './StoryBadges.tsx';
import { columnCount } from './stories-view.ts';
import { useMoveStory } from './use-move-story.ts';
import { useStoryInfinite } from './use-story-infinite.ts';

type Props = {
  code: string;
  /** Type, sprint and requirement; the columns are the statuses. */
  filters: Omit<StoryFilters, 'status'>;
  canWrite: boolean;
  onOpen: (story: Story) => void;
};

export function StoryBoard({ code, filters, canWrite, onOpen }: Props) {
  const move = useMoveStory(code);
  const moveTo = (story: Story, status: StoryStatus) =>
    move.mutate(
      { story, status },
      {
        onSuccess: (s) => notifySuccess(`${s.key} moved to ${STORY_STATUS_LABEL[s.status]}.`, 'Story moved'),
        onError: (err) =>
          isApiError(err, 409)
            ? notifyError(
                new Error(
                  `Someone saved ${story.key} after the board showed it, so it was not moved. The board now shows their version: move it again if it still needs to.`,
                ),
                'Changed by someone else',
              )
            : notifyError(err, `${story.key} not moved`),
      },
    );
  const moving = move.isPending ? move.variables?.story.key : undefined;
  return (
    <div
      data-testid="story-board"
      style={{
        display: 'grid',
        gridAutoFlow: 'column',
        gridAutoColumns: 'minmax(250px, 1fr)',
        gap: 12,
        overflowX: 'auto',
        paddingBottom: 8,
      }}
    >
      {STORY_STATUSES.map((status) => (
        <BoardColumn
          key={status}
          code={code}
          status={status}
          filters={filters}
          canWrite={canWrite}
          moving={moving}
          onOpen={onOpen}
          onMove={moveTo}
        />
      ))}
    </div>
  );
}

type ColumnProps = {
  code: string;
  status: StoryStatus;
  filters: Omit<StoryFilters, 'status'>;
  canWrite: boolean;
  /** The key of the card being saved, if any. */
  moving: string | undefined;
  onOpen: (story: Story) => void;
  onMove: (story: Story, status: StoryStatus) => void;
};

const ESTIMATED_CARD = 104;

function BoardColumn({ code, status, filters, canWrite, moving, onOpen, onMove }: ColumnProps) {
  const query = useStoryInfinite(code, { ...filters, status });
  const items = query.data ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD,
    overscan: 4,
    gap: 8,
    // Sizes are measured to the pixel, cards are not: without a little room the scroll box clips the last card's
    // bottom border by a fraction of a pixel.
    paddingEnd: 2,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const cards = virtualizer.getVirtualItems();
  const lastShown = cards.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= items.length - 20)
      void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, lastShown, items.length, fetchNextPage]);

  const label = STORY_STATUS_LABEL[status];
  const count = query.data ? columnCount(items.length, Boolean(hasNextPage)) : '…';
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="var(--mantine-color-gray-0)"
      component="section"
      aria-label={`${label} column`}
      data-testid="board-column"
      data-status={status}
      style={{ minWidth: 0 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <span
            aria-hidden
            style={{
              width: 10,
              height: 10,
              borderRadius: 5,
              flexShrink: 0,
              background: `var(--mantine-color-${STORY_STATUS_COLOR[status]}-6)`,
            }}
          />
          <Text fw={600} size="sm">
            {label}
          </Text>
        </Group>
        <Badge
          variant="light"
          color="gray"
          style={{ textTransform: 'none' }}
          aria-label={`${count} stories`}
          data-testid="board-column-count"
        >
          {count}
        </Badge>
      </Group>
      {query.isPending ? (
        <Group justify="center" py="md">
          <Loader size="sm" aria-label={`Loading ${label}`} />
        </Group>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text size="xs" c="dimmed" ta="center" py="md">
          Nothing here
        </Text>
      ) : (
        <div
          ref={scrollRef}
          style={{
            maxHeight: 'max(320px, calc(100dvh - 340px))',
            overflowY: 'auto',
            opacity: query.isPlaceholderData ? 0.6 : 1,
          }}
        >
          <ul
            aria-label={`${label} stories`}
            style={{
              listStyle: 'none',
              padding: 0,
              margin: 0,
              position: 'relative',
              height: virtualizer.getTotalSize(),
            }}
          >
            {cards.map((row) => {
              const story = items[row.index];
              if (!story) return null;
              return (
                <li
                  key={row.key}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  <StoryCard
                    story={story}
                    canWrite={canWrite}
                    moving={moving === story.key}
                    onOpen={() => onOpen(story)}
                    onMove={(to) => onMove(story, to)}
                  />
                </li>
              );
            })}
          </ul>
          {isFetchingNextPage ? (
            <Group justify="center" py="xs">
              <Loader size="xs" aria-label="Loading more" />
            </Group>
          ) : null}
        </div>
      )}
    </Paper>
  );
}

type CardProps = {
  story: Story;
  canWrite: boolean;
  moving: boolean;
  onOpen: () => void;
  onMove: (status: StoryStatus) => void;
};

function StoryCard({ story: s, canWrite, moving, onOpen, onMove }: CardProps) {
  return (
    <Paper withBorder radius="sm" data-testid="board-card" data-key={s.key} data-status={s.status}>
      <UnstyledButton
        onClick={onOpen}
        px="xs"
        pt="xs"
        pb={canWrite ? 4 : 'xs'}
        w="100%"
        aria-label={`${s.key}: ${s.title}`}
        style={{ display: 'block', borderRadius: 'var(--mantine-radius-sm)' }}
      >
        <Stack gap={4}>
          {/* The key in full (it is how people name a story), the badges beside it or, when narrow, below it. */}
          <Group gap={6} wrap="wrap" justify="space-between" align="center">
            <Text ff="monospace" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {s.key}
            </Text>
            <Group gap={4} wrap="nowrap">
              {s.priority ? (
                <Badge size="xs" variant="outline" color="indigo" style={{ textTransform: 'none' }}>
                  {s.priority}
                </Badge>
              ) : null}
              <TypeBadge type={s.type} />
            </Group>
          </Group>
          <Text size="sm" fw={500} lineClamp={3} style={{ overflowWrap: 'anywhere' }} data-testid="story-title">
            {s.title}
          </Text>
          {s.sprint ? (
            <Text size="xs" c="dimmed" truncate="end">
              Sprint: {s.sprint.name}
            </Text>
          ) : null}
        </Stack>
      </UnstyledButton>
      {canWrite ? (
        <Group justify="flex-end" px={6} pb={6}>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                loading={moving}
                aria-label={`Move ${s.key} to another status`}
                data-testid="move-story"
              >
                Move to…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move {s.key} to</Menu.Label>
              {STORY_STATUSES.filter((to) => to !== s.status).map((to) => (
                <Menu.Item key={to} onClick={() => onMove(to)} data-testid="move-to" data-status={to}>
                  {STORY_STATUS_LABEL[to]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      ) : null}
    </Paper>
  );
}

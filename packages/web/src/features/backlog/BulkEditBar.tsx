// The list's bar for people who may write: select every loaded story, and with some selected, set their status,
// move them to a sprint (or out of one), set their priority, or clear the selection. It stays in view (sticky under
// the header) while the list scrolls under it, and shows progress while a large change is saved.
import { Button, Checkbox, Group, Menu, Paper, Text } from '@mantine/core';
import { STORY_STATUSES } from '@pi-studio/core/contract/backlog';
import { PRIORITIES } from '@pi-studio/core/stories/priority';
import type { Sprint } from './api.ts';
import type { StoryBulkPatch } from './bulk-api.ts';
import { SPRINT_STATUS_LABEL, STORY_STATUS_LABEL } from './format.ts';
import { countOf, formatCount } from './stories-view.ts';

/** A change and how it reads once done ("set to In progress"). */
export type BulkChange = { patch: StoryBulkPatch; done: string };

type Props = {
  selected: number;
  allState: 'all' | 'some' | 'none';
  onSelectAll: (all: boolean) => void;
  onClear: () => void;
  onChange: (change: BulkChange) => void;
  /** Planned and active sprints: where stories may move. */
  sprints: readonly Sprint[];
  busy: boolean;
  progress: { saved: number; total: number } | null;
  /** The list's count line ("3 items", "Showing 500 · more load as you scroll"). */
  countLabel: string;
};

const Chevron = () => (
  <Text span size="xs" aria-hidden>
    ▾
  </Text>
);

export function BulkEditBar({
  selected,
  allState,
  onSelectAll,
  onClear,
  onChange,
  sprints,
  busy,
  progress,
  countLabel,
}: Props) {
  const action = (label: string, testId: string, items: { label: string; testId: string; change: BulkChange }[]) => (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" rightSection={<Chevron />} disabled={busy} data-testid={testId}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((i) => (
          <Menu.Item key={i.testId} onClick={() => onChange(i.change)} data-testid={i.testId}>
            {i.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    // The sticky band is the page's colour, so rows scrolling under the header never show above the bar.
    <div
      style={{
        position: 'sticky',
        top: 'var(--app-shell-header-offset, 56px)',
        zIndex: 3,
        paddingTop: 8,
        marginTop: -8,
        background: 'var(--mantine-color-body)',
      }}
    >
      <Paper
        withBorder
        radius="md"
        px="sm"
        py={8}
        shadow={selected > 0 ? 'sm' : undefined}
        bg={selected > 0 ? 'var(--mantine-color-blue-0)' : undefined}
        data-testid="bulk-bar"
        aria-label="Bulk edit"
        component="section"
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="sm" wrap="nowrap">
            <Checkbox
              checked={allState === 'all'}
              indeterminate={allState === 'some'}
              onChange={(e) => onSelectAll(e.currentTarget.checked)}
              label="Select all loaded"
              data-testid="select-all"
            />
            {selected > 0 ? (
              <Text size="sm" fw={600} data-testid="bulk-count" aria-live="polite">
                {formatCount(selected)} selected
              </Text>
            ) : null}
          </Group>
          {selected === 0 ? (
            <Text size="xs" c="dimmed" data-testid="stories-page">
              {countLabel}
            </Text>
          ) : progress ? (
            <Text size="sm" c="dimmed" data-testid="bulk-progress" aria-live="polite">
              Saving {formatCount(progress.saved)} of {countOf(progress.total, 'story', 'stories')}…
            </Text>
          ) : (
            <Group gap="xs" wrap="wrap">
              {action(
                'Set status',
                'bulk-status',
                STORY_STATUSES.map((s) => ({
                  label: STORY_STATUS_LABEL[s],
                  testId: `bulk-status-${s}`,
                  change: { patch: { status: s }, done: `set to ${STORY_STATUS_LABEL[s]}` },
                })),
              )}
              {action('Move to sprint', 'bulk-sprint', [
                ...sprints.map((s) => ({
                  label: `${s.name} (${SPRINT_STATUS_LABEL[s.status].toLowerCase()})`,
                  testId: `bulk-sprint-${s.id}`,
                  change: { patch: { sprintId: s.id }, done: `moved to ${s.name}` },
                })),
                {
                  label: 'No sprint',
                  testId: 'bulk-sprint-none',
                  change: { patch: { sprintId: null }, done: 'taken out of their sprint' },
                },
              ])}
              {action('Set priority', 'bulk-priority', [
                ...PRIORITIES.map((p) => ({
                  label: p,
                  testId: `bulk-priority-${p}`,
                  change: { patch: { priority: p }, done: `given priority ${p}` },
                })),
                {
                  label: 'No priority',
                  testId: 'bulk-priority-none',
                  change: { patch: { priority: null }, done: 'left without a priority' },
                },
              ])}
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={onClear}
                disabled={busy}
                data-testid="bulk-clear"
              >
                Clear
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
    </div>
  );
}

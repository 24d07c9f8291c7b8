// One story or bug as a row: key, type, status and priority, the title, and what it builds, in which sprint, how big.
// The whole row opens the editor; in bulk edit a box before it selects it. The stories list places rows itself
// (virtualised), the sprint view lists them plainly.
import { Badge, Checkbox, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { Story } from './api.ts';
import { StatusBadge, TypeBadge } from './StoryBadges.tsx';

type Props = {
  story: Story;
  onOpen: () => void;
  /** Bulk edit: whether it is selected, and the box's toggle. */
  selection?: { selected: boolean; onToggle: () => void };
  /** In a virtual list: its index, the list's size (-1: not all loaded), where it sits, and its measuring ref. */
  placement?: {
    index: number;
    setSize: number;
    style: CSSProperties;
    measure: (el: HTMLElement | null) => void;
  };
};

export function StoryRow({ story: s, onOpen, selection, placement }: Props) {
  const open = (
    <UnstyledButton
      onClick={onOpen}
      p="sm"
      w="100%"
      aria-label={`${s.key}: ${s.title}`}
      style={{ display: 'block', borderRadius: 'var(--mantine-radius-md)', flex: 1, minWidth: 0 }}
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
        <Text size="sm" fw={500} data-testid="story-title" style={{ overflowWrap: 'anywhere' }}>
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
  );
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      data-testid="story-row"
      data-key={s.key}
      data-selected={selection?.selected || undefined}
      bg={selection?.selected ? 'var(--mantine-color-blue-0)' : undefined}
      ref={placement?.measure}
      data-index={placement?.index}
      aria-posinset={placement ? placement.index + 1 : undefined}
      aria-setsize={placement?.setSize}
      style={placement?.style}
    >
      {selection ? (
        <Group gap={0} wrap="nowrap" align="flex-start">
          <Checkbox
            checked={selection.selected}
            onChange={selection.onToggle}
            aria-label={`Select ${s.key}`}
            pl="sm"
            pt="sm"
            style={{ flexShrink: 0 }}
            data-testid="story-select"
          />
          {open}
        </Group>
      ) : (
        open
      )}
    </Paper>
  );
}

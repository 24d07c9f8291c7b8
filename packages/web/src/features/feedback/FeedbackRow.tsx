// One feedback item in the inbox: key, source (icon and label), status or how long it has waited, the text, who said
// it and where it was heard, what triage made of it, and — when it looks like another item — a way to review the
// two side by side. The active row (j/k) takes focus; a box selects it for bulk triage; Triage… offers every
// decision by pointer and by keyboard.
import { Badge, Button, Checkbox, Group, Kbd, Menu, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Ref } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import type { FeedbackItem } from './api.ts';
import type { DuplicatePair } from './duplicates.ts';
import { ageColor, ageLabel, outcomeLine, provenanceLine, STATUS_COLOR, STATUS_LABEL } from './format.ts';
import { SourceBadge } from './SourceBadge.tsx';
import type { TriageAction } from './TriageDialog.tsx';

type Props = {
  item: FeedbackItem;
  active: boolean;
  /** In the tab order: the active row, or the first when none is. */
  tabbable: boolean;
  onFocus: () => void;
  rowRef: Ref<HTMLLIElement>;
  /** Bulk triage: whether it is selected, and the box's toggle (absent: it cannot be selected). */
  selection?: { selected: boolean; onToggle: () => void };
  /** Triage is offered (the person may triage, and the item is still open). */
  onTriage?: (action: TriageAction) => void;
  duplicate?: DuplicatePair;
  onReviewDuplicate?: () => void;
};

export const TRIAGE_MENU: { action: TriageAction; label: string; key: string }[] = [
  { action: 'story', label: 'Accept as story', key: 's' },
  { action: 'bug', label: 'Accept as bug', key: 'b' },
  { action: 'duplicate', label: 'Duplicate of…', key: 'd' },
  { action: 'clarification', label: 'Ask in a sprint', key: 'c' },
  { action: 'decline', label: 'Decline…', key: 'r' },
];

export function FeedbackRow({
  item,
  active,
  tabbable,
  onFocus,
  rowRef,
  selection,
  onTriage,
  duplicate,
  onReviewDuplicate,
}: Props) {
  const age = ageLabel(item.ageDays);
  const outcome = outcomeLine(item);
  const heardAt = item.provenance[0]?.originalTime ?? item.createdAt;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      className="feedback-row"
      ref={rowRef}
      tabIndex={tabbable ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus();
      }}
      aria-label={`${item.key} from ${item.author}: ${item.text.slice(0, 80)}`}
      data-testid="feedback-row"
      data-key={item.key}
      data-status={item.status}
      data-active={active || undefined}
      data-selected={selection?.selected || undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {selection ? (
          <Checkbox
            checked={selection.selected}
            onChange={selection.onToggle}
            aria-label={`Select ${item.key}`}
            mt={2}
            style={{ flexShrink: 0 }}
            data-testid="feedback-select"
          />
        ) : null}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text ff="monospace" size="xs" c="dimmed" data-testid="feedback-key">
              {item.key}
            </Text>
            <SourceBadge source={item.source} />
            {age !== null && item.ageDays !== null ? (
              <Badge size="sm" variant="light" color={ageColor(item.ageDays)} tt="none" data-testid="feedback-age">
                {age}
              </Badge>
            ) : (
              <Badge
                size="sm"
                variant="light"
                color={STATUS_COLOR[item.status]}
                tt="none"
                data-testid="feedback-status"
              >
                {STATUS_LABEL[item.status]}
              </Badge>
            )}
          </Group>
          <Text
            size="sm"
            style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}
            lineClamp={6}
            data-testid="feedback-text"
          >
            {item.text}
          </Text>
          <Text size="xs" c="dimmed">
            {provenanceLine(item)} · {formatDateTime(heardAt)}
          </Text>
          {outcome ? (
            <Text
              size="xs"
              c={item.status === 'declined' ? 'red.8' : 'dimmed'}
              data-testid="feedback-outcome"
              style={{ overflowWrap: 'anywhere' }}
            >
              {outcome}
            </Text>
          ) : null}
          {duplicate && onReviewDuplicate ? (
            <UnstyledButton onClick={onReviewDuplicate} className="feedback-link" data-testid="feedback-duplicate-hint">
              <Text size="xs" c="orange.8" span>
                Looks like {duplicate.original.key === item.key ? duplicate.item.key : duplicate.original.key} (
                {duplicate.percent}%) — review side by side
              </Text>
            </UnstyledButton>
          ) : null}
        </Stack>
        {onTriage ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="default" style={{ flexShrink: 0 }} data-testid="feedback-triage">
                Triage…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {TRIAGE_MENU.map((m) => (
                <Menu.Item
                  key={m.action}
                  onClick={() => onTriage(m.action)}
                  rightSection={<Kbd size="xs">{m.key}</Kbd>}
                  color={m.action === 'decline' ? 'red' : undefined}
                  data-testid={`feedback-triage-${m.action}`}
                >
                  {m.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
    </Paper>
  );
}

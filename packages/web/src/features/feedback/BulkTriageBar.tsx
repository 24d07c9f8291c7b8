// Bulk triage for people who may triage: select every loaded item waiting for triage, and with some selected,
// decline them with one reason or mark them duplicates of one original (BulkTriageDialog asks for it and confirms).
// The bar stays in view while the list scrolls.
import { Button, Checkbox, Group, Paper, Text } from '@mantine/core';
import { FEEDBACK_LIMITS } from '@pi-studio/core/contract/feedback';
import { countOf } from '../backlog/stories-view.ts';
import type { BulkTriage } from './use-bulk-triage.ts';

type BarProps = {
  selected: number;
  allState: 'all' | 'some' | 'none';
  onSelectAll: (all: boolean) => void;
  onClear: () => void;
  onBulk: (action: BulkTriage['action']) => void;
  countLabel: string;
};

export function BulkTriageBar({ selected, allState, onSelectAll, onClear, onBulk, countLabel }: BarProps) {
  const tooMany = selected > FEEDBACK_LIMITS.bulkKeys;
  return (
    <div className="feedback-bulk-band">
      <Paper
        withBorder
        radius="md"
        px="sm"
        py={8}
        shadow={selected > 0 ? 'sm' : undefined}
        bg={selected > 0 ? 'var(--mantine-color-blue-0)' : undefined}
        component="section"
        aria-label="Bulk triage"
        data-testid="feedback-bulk-bar"
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="sm" wrap="nowrap">
            <Checkbox
              checked={allState === 'all'}
              indeterminate={allState === 'some'}
              onChange={(e) => onSelectAll(e.currentTarget.checked)}
              label="Select all waiting"
              data-testid="feedback-select-all"
            />
            {selected > 0 ? (
              <Text size="sm" fw={600} aria-live="polite" data-testid="feedback-bulk-count">
                {countOf(selected, 'item')} selected
              </Text>
            ) : null}
          </Group>
          {selected === 0 ? (
            <Text size="xs" c="dimmed" data-testid="feedback-count">
              {countLabel}
            </Text>
          ) : (
            <Group gap="xs" wrap="wrap">
              {tooMany ? (
                <Text size="xs" c="red">
                  At most {FEEDBACK_LIMITS.bulkKeys} at once
                </Text>
              ) : null}
              <Button
                size="xs"
                variant="default"
                disabled={tooMany}
                onClick={() => onBulk('duplicate')}
                data-testid="feedback-bulk-duplicate"
              >
                Duplicates of…
              </Button>
              <Button
                size="xs"
                color="red"
                variant="light"
                disabled={tooMany}
                onClick={() => onBulk('decline')}
                data-testid="feedback-bulk-decline"
              >
                Decline…
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={onClear} data-testid="feedback-bulk-clear">
                Clear
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
    </div>
  );
}

// Conditions are the fix items of a conditional pass: text, owner and due date; ticked off when done.
import { Badge, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { EmptyState } from '../../../ui/States.tsx';
import { subsidiaryOf } from '../access.ts';
import type { Condition, GateReview } from '../api.ts';
import { useSetConditionDone } from '../use-set-condition-done.ts';
import { AddConditionForm } from './AddConditionForm.tsx';

/** Reviewers add conditions while the review is open; owners (anyone who edits the PRD) tick them off. */
type Props = { review: GateReview; canAdd: boolean; canTick: boolean };

export function ConditionsCard({ review, canAdd, canTick }: Props) {
  const toggle = useSetConditionDone(review.id);
  const open = review.conditions.filter((c) => !c.done).length;
  if (!canAdd && review.conditions.length === 0) return null;
  return (
    <Card withBorder radius="md" data-testid="conditions-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Conditions</Title>
        {review.conditions.length > 0 ? (
          <Badge variant="light" color={open > 0 ? 'yellow' : 'green'}>
            {open} open
          </Badge>
        ) : null}
      </Group>
      <Stack gap="xs">
        {review.conditions.length === 0 ? (
          <EmptyState title="No conditions">A conditional pass needs at least one fix item with an owner.</EmptyState>
        ) : (
          review.conditions.map((c) => (
            <ConditionRow
              key={c.id}
              condition={c}
              disabled={!canTick || toggle.isPending || review.status === 'superseded'}
              onToggle={(done) =>
                toggle.mutate({ conditionId: c.id, done }, { onError: (err) => notifyError(err, 'Not updated') })
              }
            />
          ))
        )}
        {canAdd ? <AddConditionForm reviewId={review.id} subsidiary={subsidiaryOf(review.product)} /> : null}
      </Stack>
    </Card>
  );
}

function ConditionRow({
  condition,
  disabled,
  onToggle,
}: {
  condition: Condition;
  disabled: boolean;
  onToggle: (done: boolean) => void;
}) {
  const overdue = !condition.done && condition.dueDate < new Date().toISOString().slice(0, 10);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="condition" data-done={condition.done}>
      <Checkbox
        checked={condition.done}
        disabled={disabled}
        onChange={(e) => onToggle(e.currentTarget.checked)}
        aria-label={`Done: ${condition.text}`}
        mt={2}
        data-testid="condition-done"
      />
      <div style={{ flex: 1 }}>
        <Text size="sm" td={condition.done ? 'line-through' : undefined}>
          {condition.text}
        </Text>
        <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
          {condition.owner?.name ?? 'No owner'} · due {formatDate(condition.dueDate)}
          {overdue ? ' · overdue' : ''}
        </Text>
      </div>
    </Group>
  );
}
